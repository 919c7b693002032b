package org.veritally.core.model;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The index of each id in a list that only grows, as an open-addressing table of ints (linear probing) over the
 * list itself: a lookup compares the id asked for with the id of the entry a slot names, so no key is stored
 * twice and no index is boxed. It replaces a {@code HashMap<String, Integer>}, which costs about 48 bytes an id
 * (a node and an {@code Integer}) beside its table: for the 8.2 million stations of issue 15 that is about
 * 390 MB against the 80 MB of this table.
 *
 * <p>Beside each slot it keeps a byte of the id's hash (bits the slot's position does not use): a probe that meets
 * another id is then told apart without reading that id (its entry, its {@code String} and its bytes, three cache
 * misses in a table of a million ids), which took a fifth of a bulk import's sequencer thread (issue 15); an
 * absent id, as when a catalogue is loaded, is answered almost without reading any.
 *
 * <p>Not thread-safe: its owner ({@link Catalogue}) guards it.
 */
final class IdIndex {
    private static final int EMPTY = -1;
    private final IntFunction<String> idOf;
    private int[] slots = new int[16];
    private byte[] tags = new byte[16];
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
        c.tags = tags.clone();
        c.size = size;
        return c;
    }

    /** The index of {@code id}, or -1. */
    int get(String id) {
        int h = spread(id.hashCode());
        byte tag = tag(h);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int i = slots[s];
            if (i == EMPTY) return -1;
            if (tags[s] == tag && idOf.apply(i).equals(id)) return i;
        }
    }

    boolean contains(String id) {
        return get(id) >= 0;
    }

    /** Records that the entry at {@code index} has {@code id}, which must not be present yet. */
    void add(String id, int index) {
        if (2 * (size + 1) > slots.length) grow();
        place(slots, tags, spread(id.hashCode()), index);
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

    /** The top byte of the spread hash: a table below 2^24 slots takes its position from other bits. */
    private static byte tag(int spread) {
        return (byte) (spread >>> 24);
    }

    private static void place(int[] table, byte[] tagsOf, int spread, int index) {
        int mask = table.length - 1;
        int s = spread & mask;
        while (table[s] != EMPTY) s = (s + 1) & mask;
        table[s] = index;
        tagsOf[s] = tag(spread);
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        byte[] biggerTags = new byte[bigger.length];
        Arrays.fill(bigger, EMPTY);
        for (int i : slots)
            if (i != EMPTY) place(bigger, biggerTags, spread(idOf.apply(i).hashCode()), i);
        slots = bigger;
        tags = biggerTags;
    }
}
