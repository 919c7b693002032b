package org.veritally.server.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers which station × contest × source keys one input (a file, a request) already had, for
 * rule TS-DUP-ROW, with the location of the first occurrence. Not thread-safe; one per input.
 *
 * <p>A bulk import keeps one entry per row of its file, so the entries are primitive (issue 15: a
 * {@code HashMap<Long, String>} held about 120 bytes a row, 120 MB of the 1 GB heap at a million rows, and made
 * every collection copy it): an open-addressing table of keys and packed locations. A location is stored as the
 * index of its text before the trailing number (a file name and {@code ':'}, {@code "row "}, …; an input has a
 * few) and that number, and is rebuilt exactly; one that does not end in a canonical number of at most 12 digits
 * is kept whole in a side table.
 */
public final class DuplicateRows {
    private static final long EMPTY = Long.MIN_VALUE;
    private static final int NUMBER_BITS = 40;
    private static final long MAX_NUMBER = (1L << NUMBER_BITS) - 1;
    /** A packed location with this prefix index is a side-table index instead. */
    private static final int WHOLE = (1 << 23) - 1;

    private final boolean enabled;
    private long[] keys = new long[0];
    private long[] locations = new long[0];
    private int size;
    private final Map<String, Integer> prefixIndex = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<String> whole = new ArrayList<>();

    public DuplicateRows() {
        this(true);
    }

    private DuplicateRows(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * A tracker that never reports: for batches that group independent requests, where a repeated
     * key is an idempotent resubmission or a conflict, not a duplicate row of one input.
     */
    public static DuplicateRows none() {
        return new DuplicateRows(false);
    }

    /** The location of an earlier row with this key; empty when the key is new (and now recorded). */
    Optional<String> firstSeen(long key, String location) {
        if (!enabled) return Optional.empty();
        if (key == EMPTY) throw new IllegalArgumentException("key " + key);
        if (2 * (size + 1) > keys.length) grow();
        int slot = slot(keys, key);
        if (keys[slot] == key) return Optional.of(unpack(locations[slot]));
        keys[slot] = key;
        locations[slot] = pack(location);
        size++;
        return Optional.empty();
    }

    private static int slot(long[] table, long key) {
        int mask = table.length - 1;
        int i = (int) (mix(key) & mask);
        while (table[i] != EMPTY && table[i] != key) i = (i + 1) & mask;
        return i;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        return k ^ (k >>> 33);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLocations = locations;
        int n = Math.max(1024, oldKeys.length * 2);
        keys = new long[n];
        locations = new long[n];
        java.util.Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == EMPTY) continue;
            int s = slot(keys, oldKeys[i]);
            keys[s] = oldKeys[i];
            locations[s] = oldLocations[i];
        }
    }

    private long pack(String location) {
        int end = location.length();
        int start = end;
        while (start > 0 && location.charAt(start - 1) >= '0' && location.charAt(start - 1) <= '9') start--;
        int digits = end - start;
        boolean canonical = digits > 0 && digits <= 12 && (digits == 1 || location.charAt(start) != '0');
        if (canonical && prefixes.size() < WHOLE) {
            long number = Long.parseLong(location, start, end, 10);
            if (number <= MAX_NUMBER) {
                String prefix = location.substring(0, start);
                Integer p = prefixIndex.get(prefix);
                if (p == null) {
                    p = prefixes.size();
                    prefixIndex.put(prefix, p);
                    prefixes.add(prefix);
                }
                return ((long) p << NUMBER_BITS) | number;
            }
        }
        whole.add(location);
        return ((long) WHOLE << NUMBER_BITS) | (whole.size() - 1);
    }

    private String unpack(long packed) {
        int p = (int) (packed >>> NUMBER_BITS);
        long number = packed & MAX_NUMBER;
        return p == WHOLE ? whole.get((int) number) : prefixes.get(p) + number;
    }
}
