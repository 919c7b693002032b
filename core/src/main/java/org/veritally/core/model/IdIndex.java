package org.veritally.core.model;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The index of each id in a list that only grows, as an open-addressing table (linear probing) over the list
 * itself: a slot holds an entry's index and its id's hash, so no key is stored twice and no index is boxed, and a
 * probe reads the list's id only when the hashes agree. It replaces a {@code HashMap<String, Integer>}, which
 * costs about 48 bytes an id (a node and an {@code Integer}) beside its table: for the 8.2 million stations of
 * issue 15 that is about 390 MB against the 128 MB of this table.
 *
 * <p>Why the hash is kept beside the index (docs/performance.md, "Start-up from a snapshot"): without it every
 * probe followed the list to the entry, its id and the id's bytes, four cache misses a probe, and a doubling
 * rehashed every id the same way; building the catalogue of a million stations at start-up spent most of its
 * time there.
 *
 * <p>Not thread-safe: its owner ({@link Catalogue}) guards it.
 */
final class IdIndex {
    private static final long EMPTY = -1L;
    /** Twice this many slots is the largest power of two an array can have: beyond it a doubling overflows. */
    static final int MAX_IDS = 1 << 29;

    private final IntFunction<String> idOf;
    private long[] slots = empty(16);
    private int size;

    /** An empty index over the list whose entry {@code i} has id {@code idOf.apply(i)}. */
    IdIndex(IntFunction<String> idOf) {
        this.idOf = idOf;
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
            long v = slots[s];
            if (v == EMPTY) return -1;
            if ((int) (v >>> 32) == h && idOf.apply((int) v).equals(id)) return (int) v;
        }
    }

    boolean contains(String id) {
        return get(id) >= 0;
    }

    /** Records that the entry at {@code index} has {@code id}, unless {@code id} is present; whether it was added. */
    boolean addIfAbsent(String id, int index) {
        if (index < 0) throw new IllegalArgumentException("index " + index);
        if (2 * (size + 1) > slots.length) {
            if (size >= MAX_IDS) throw new IllegalStateException("an index holds at most " + MAX_IDS + " ids");
            grow(slots.length * 2);
        }
        int h = spread(id.hashCode());
        int mask = slots.length - 1;
        int s = h & mask;
        for (long v; (v = slots[s]) != EMPTY; s = (s + 1) & mask)
            if ((int) (v >>> 32) == h && idOf.apply((int) v).equals(id)) return false;
        slots[s] = ((long) h << 32) | index;
        size++;
        return true;
    }

    /** Makes room for {@code n} ids in all without a doubling on the way. */
    void reserve(int n) {
        if (n > MAX_IDS) throw new IllegalArgumentException(n + " ids: an index holds at most " + MAX_IDS);
        int want = slots.length;
        while (2L * n > want) want *= 2;
        if (want > slots.length) grow(want);
    }

    /** MurmurHash3's finaliser: every bit of the string's hash reaches the low bits the mask keeps. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private static long[] empty(int n) {
        long[] t = new long[n];
        Arrays.fill(t, EMPTY);
        return t;
    }

    /** Rehashes into a table of {@code n} slots from the hashes kept: no id is read. */
    private void grow(int n) {
        long[] bigger = empty(n);
        int mask = n - 1;
        for (long v : slots) {
            if (v == EMPTY) continue;
            int s = (int) (v >>> 32) & mask;
            while (bigger[s] != EMPTY) s = (s + 1) & mask;
            bigger[s] = v;
        }
        slots = bigger;
    }
}
