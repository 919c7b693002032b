package org.veritally.formats.replay;

import java.util.Arrays;
import org.veritally.core.model.TallySheet;

/**
 * Every source's current copy of every station × contest during a replay, without an object per
 * copy: an open-addressing table from the {@link org.veritally.core.reconcile.CopyKey} to the copy's
 * log index and the place of its numbers {@code [registered, ballots, valid, null, blank, votes…]}
 * in blocks of longs. A replay of millions of stations keeps a few primitive arrays instead of
 * millions of map nodes, boxed keys and records, which is what the garbage collector spent its time
 * on. A copy that is replaced is overwritten in place (the same contest has the same number of
 * choices). A slot's key, log index and place sit side by side in one array, so that a lookup in a
 * table of millions costs one cache miss rather than three. Not thread-safe.
 */
final class CurrentCopies {
    private static final long EMPTY = -1L; // no CopyKey is negative: the station index is 31 bits
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK = 1 << BLOCK_BITS;

    /** Slot i is {@code [3i] key, [3i+1] log index, [3i+2] place}: where its numbers start (block, offset). */
    private long[] table = new long[3 * 1024];

    private int capacity = 1024;
    private int size;
    private long[][] blocks = new long[4][];
    private int block = -1;
    private int used = BLOCK; // forces the first block
    /** The correction of each current copy that is one (few): the rulebook tells a repeated correction by it. */
    private final java.util.Map<Long, org.veritally.core.model.Correction> corrections = new java.util.HashMap<>();

    CurrentCopies() {
        clearKeys(table);
    }

    private static void clearKeys(long[] t) {
        for (int i = 0; i < t.length; i += 3) t[i] = EMPTY;
    }

    int size() {
        return size;
    }

    /** The array offset of {@code key}'s slot, or of the empty slot where it would go. */
    private int slot(long key) {
        return slot(table, capacity, key);
    }

    private static int slot(long[] t, int capacity, long key) {
        int mask = capacity - 1;
        int i = (int) mix(key) & mask;
        while (t[3 * i] != EMPTY && t[3 * i] != key) i = (i + 1) & mask;
        return 3 * i;
    }

    /**
     * MurmurHash3's 64-bit finaliser (fmix64), both rounds: with one round, a million consecutive
     * stations left runs of hundreds of occupied slots in a row; with both, the longest is about 30.
     */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** The log index of the current copy, or -1 when there is none. */
    long index(long key) {
        int i = slot(key);
        return table[i] == EMPTY ? -1 : table[i + 1];
    }

    /** Where {@code key}'s copy sits, for {@link #indexAt} and {@link #sheetAt}; -1 when there is none. */
    int find(long key) {
        int i = slot(key);
        return table[i] == EMPTY ? -1 : i;
    }

    /** The log index of the copy at {@code slot} (from {@link #find}). */
    long indexAt(int slot) {
        return table[slot + 1];
    }

    /** Where the numbers of the copy at {@code slot} (from {@link #find}) are. */
    long placeOf(int slot) {
        return table[slot + 2];
    }

    /** The current copy as a sheet with the given ids (and its correction, if any), or null when there is none. */
    TallySheet sheet(long key, String station, String contest, String source) {
        int i = find(key);
        return i < 0 ? null : sheetAt(i, station, contest, source);
    }

    /** The copy at {@code slot} (from {@link #find}) as a sheet with the given ids. */
    TallySheet sheetAt(int i, String station, String contest, String source) {
        return sheetAtPlace(table[i], table[i + 2], station, contest, source);
    }

    /** The copy of {@code key} whose numbers are at {@code place} (from {@link #inOrder}) as a sheet. */
    TallySheet sheetAtPlace(long key, long place, String station, String contest, String source) {
        long[] b = blocks[(int) (place >>> BLOCK_BITS)];
        int at = (int) (place & (BLOCK - 1));
        int choices = (int) b[at + 5];
        long[] votes = Arrays.copyOfRange(b, at + 6, at + 6 + choices);
        return new TallySheet(
                station,
                contest,
                source,
                new org.veritally.core.model.SummaryCounts(b[at], b[at + 1], b[at + 2], b[at + 3], b[at + 4]),
                votes,
                corrections.isEmpty()
                        ? java.util.Optional.empty()
                        : java.util.Optional.ofNullable(corrections.get(key)));
    }

    /** Makes {@code s}, at log index {@code index}, the current copy of {@code key}. */
    void put(long key, long index, TallySheet s) {
        int i = slot(key);
        int n = 6 + s.choiceCount();
        long[] b;
        int at;
        if (table[i] == EMPTY) {
            if (n > BLOCK) throw new IllegalArgumentException("a sheet of " + s.choiceCount() + " choices");
            if (used + n > BLOCK) {
                if (++block == blocks.length) blocks = Arrays.copyOf(blocks, blocks.length * 2);
                blocks[block] = new long[BLOCK];
                used = 0;
            }
            table[i] = key;
            table[i + 2] = ((long) block << BLOCK_BITS) | used;
            b = blocks[block];
            at = used;
            used += n;
            size++;
        } else {
            long place = table[i + 2];
            b = blocks[(int) (place >>> BLOCK_BITS)];
            at = (int) (place & (BLOCK - 1));
        }
        table[i + 1] = index;
        if (s.correction().isPresent()) corrections.put(key, s.correction().get());
        else if (!corrections.isEmpty()) corrections.remove(key);
        var k = s.counts();
        b[at] = k.registered();
        b[at + 1] = k.ballotsCast();
        b[at + 2] = k.valid();
        b[at + 3] = k.nulls();
        b[at + 4] = k.blank();
        b[at + 5] = s.choiceCount();
        for (int c = 0; c < s.choiceCount(); c++) b[at + 6 + c] = s.vote(c);
        if (size * 2 > capacity) grow();
    }

    private void grow() {
        long[] old = table;
        capacity *= 2;
        table = new long[3 * capacity];
        clearKeys(table);
        for (int j = 0; j < old.length; j += 3) {
            if (old[j] == EMPTY) continue;
            int i = slot(table, capacity, old[j]);
            table[i] = old[j];
            table[i + 1] = old[j + 1];
            table[i + 2] = old[j + 2];
        }
    }

    /** Every key that has a current copy, in ascending order. */
    long[] sortedKeys() {
        return inOrder().keys();
    }

    /**
     * Every current copy in ascending key order: {@code keys[i]}, its slot {@code slots[i]} (for {@link #indexAt}
     * and {@link #sheetAt}), where its numbers are, {@code places[i]} (for {@link #sheetAtPlace}), and its log index
     * {@code indices[i]}. The copies are gathered in table order and placed by a counting sort on the station
     * (the key's high half), then each station's few copies sorted: sequential passes, where sorting the keys and
     * then looking each one up again cost a cache miss a copy in a table of tens of megabytes (issue 15).
     */
    record InOrder(long[] keys, int[] slots, long[] places, long[] indices) {}

    InOrder inOrder() {
        int stations = 0;
        for (int j = 0; j < table.length; j += 3)
            if (table[j] != EMPTY) stations = Math.max(stations, (int) (table[j] >>> 32) + 1);
        int[] end = new int[stations + 1];
        for (int j = 0; j < table.length; j += 3) if (table[j] != EMPTY) end[(int) (table[j] >>> 32) + 1]++;
        for (int s = 0; s < stations; s++) end[s + 1] += end[s];
        // end[s] is now where station s starts; each copy goes there with its key's low half and slot packed in
        // a long whose sign bit is flipped, so that a signed sort orders the low halves as unsigned numbers
        // a copy's log index and place go along (read here, in table order, rather than looked up again later)
        long[] packed = new long[size];
        long[] places = new long[size];
        long[] indices = new long[size];
        for (int j = 0; j < table.length; j += 3) {
            if (table[j] == EMPTY) continue;
            int p = end[(int) (table[j] >>> 32)]++;
            packed[p] = ((table[j] << 32) | (j / 3)) ^ Long.MIN_VALUE;
            indices[p] = table[j + 1];
            places[p] = table[j + 2];
        }
        long[] keys = new long[size];
        int[] slots = new int[size];
        for (int s = 0, from = 0; s < stations; s++) {
            int to = end[s]; // after the placing, end[s] is where station s ends
            if (to - from <= SMALL_GROUP) sortGroup(packed, places, indices, from, to);
            else {
                // a hostile log can give one station millions of copies (many sources × contests): an insertion
                // sort would be quadratic there, so a large group is sorted whole and its copies read again by slot
                java.util.Arrays.sort(packed, from, to);
                for (int i = from; i < to; i++) {
                    int slot = 3 * (int) (packed[i] & 0xFFFFFFFFL);
                    indices[i] = table[slot + 1];
                    places[i] = table[slot + 2];
                }
            }
            for (int i = from; i < to; i++) {
                long v = packed[i] ^ Long.MIN_VALUE;
                keys[i] = ((long) s << 32) | (v >>> 32);
                slots[i] = 3 * (int) (v & 0xFFFFFFFFL);
            }
            from = to;
        }
        return new InOrder(keys, slots, places, indices);
    }

    /** Above this many copies a station's group is sorted by {@link java.util.Arrays#sort}, not by insertion. */
    static final int SMALL_GROUP = 32;

    /** Sorts a station's few copies by {@code packed}, their places and indices alongside (an insertion sort). */
    private static void sortGroup(long[] packed, long[] places, long[] indices, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long k = packed[i], pl = places[i], ix = indices[i];
            int j = i - 1;
            for (; j >= from && packed[j] > k; j--) {
                packed[j + 1] = packed[j];
                places[j + 1] = places[j];
                indices[j + 1] = indices[j];
            }
            packed[j + 1] = k;
            places[j + 1] = pl;
            indices[j + 1] = ix;
        }
    }
}
