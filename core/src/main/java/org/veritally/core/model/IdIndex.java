package org.veritally.core.model;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The index of each id in a list that only grows, as an open-addressing table (linear probing) over the list
 * itself: a slot holds an entry's index beside its id's hash, and a lookup compares the id asked for only with the
 * entries whose hash matches, so no key is stored twice and no index is boxed. It replaces a {@code HashMap<String,
 * Integer>}, which costs about 48 bytes an id (a node and an {@code Integer}) beside its table; this table costs 16
 * to 32 bytes an id (a {@code long} a slot, at most half full).
 *
 * <p>Why the hash sits in the slot (issue 15, docs/performance.md): with the index alone, every probe of a slot that
 * was not the one sought read that entry's id (the list, the entry, its string, its bytes: several cache misses in
 * a table of a million ids), and an id not yet present, the common case when a catalogue grows, probes 2.5 slots
 * on average. Comparing 32-bit hashes first reads the list only for the entry that is, almost surely, the one
 * sought; doubling the table reads no id at all.
 *
 * <p>Not thread-safe: its owner ({@link Catalogue}) guards it.
 */
final class IdIndex {
    /** No slot is all ones: an index is never -1. */
    private static final long EMPTY = -1L;

    private final IntFunction<String> idOf;
    /** Slot s: the spread hash of its id in the high half, the entry's index in the low half; or EMPTY. */
    private long[] slots = new long[16];

    private int size;

    /** An empty index over the list whose entry {@code i} has id {@code idOf.apply(i)}. */
    IdIndex(IntFunction<String> idOf) {
        this.idOf = idOf;
        Arrays.fill(slots, EMPTY);
    }

    /** A copy over another list holding the same ids at the same indices. */
    IdIndex copy(IntFunction<String> idOf) {
        IdIndex c = new IdIndex(idOf);
        c.slots = slots.clone();
        c.size = size;
        return c;
    }

    /** The index of {@code id}, or -1. */
    int get(String id) {
        int h = spread(id.hashCode());
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            long slot = slots[s];
            if (slot == EMPTY) return -1;
            if ((int) (slot >>> 32) == h) {
                int i = (int) slot;
                if (idOf.apply(i).equals(id)) return i;
            }
        }
    }

    boolean contains(String id) {
        return get(id) >= 0;
    }

    /** Records that the entry at {@code index} has {@code id}, which must not be present yet. */
    void add(String id, int index) {
        if (index < 0) throw new IllegalArgumentException("negative index " + index);
        if (2 * (size + 1) > slots.length) grow();
        place(slots, spread(id.hashCode()), index);
        size++;
    }

    /** MurmurHash3's finaliser: every bit of the string's hash reaches the low bits the mask keeps. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private static void place(long[] table, int hash, int index) {
        int mask = table.length - 1;
        int s = hash & mask;
        while (table[s] != EMPTY) s = (s + 1) & mask;
        table[s] = ((long) hash << 32) | (index & 0xFFFFFFFFL);
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        Arrays.fill(bigger, EMPTY);
        for (long slot : slots) if (slot != EMPTY) place(bigger, (int) (slot >>> 32), (int) slot);
        slots = bigger;
    }
}
