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
 * choices). Not thread-safe.
 */
final class CurrentCopies {
    private static final long EMPTY = -1L; // no CopyKey is negative: the station index is 31 bits
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK = 1 << BLOCK_BITS;

    private long[] keys = new long[1024];
    private long[] indexes = new long[1024];
    private long[] places = new long[1024]; // where the numbers start: block << BLOCK_BITS | offset
    private int size;
    private long[][] blocks = new long[4][];
    private int block = -1;
    private int used = BLOCK; // forces the first block

    CurrentCopies() {
        Arrays.fill(keys, EMPTY);
    }

    int size() {
        return size;
    }

    /** The slot of {@code key}, or the empty slot where it would go. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    /** The log index of the current copy, or -1 when there is none. */
    long index(long key) {
        int i = slot(key);
        return keys[i] == EMPTY ? -1 : indexes[i];
    }

    /** The current copy as a sheet with the given ids, or null when there is none. */
    TallySheet sheet(long key, String station, String contest, String source) {
        int i = slot(key);
        if (keys[i] == EMPTY) return null;
        long[] b = blocks[(int) (places[i] >>> BLOCK_BITS)];
        int at = (int) (places[i] & (BLOCK - 1));
        int choices = (int) b[at + 5];
        long[] votes = Arrays.copyOfRange(b, at + 6, at + 6 + choices);
        return new TallySheet(
                station,
                contest,
                source,
                new org.veritally.core.model.SummaryCounts(b[at], b[at + 1], b[at + 2], b[at + 3], b[at + 4]),
                votes);
    }

    /** Makes {@code s}, at log index {@code index}, the current copy of {@code key}. */
    void put(long key, long index, TallySheet s) {
        int i = slot(key);
        int n = 6 + s.choiceCount();
        long[] b;
        int at;
        if (keys[i] == EMPTY) {
            if (n > BLOCK) throw new IllegalArgumentException("a sheet of " + s.choiceCount() + " choices");
            if (used + n > BLOCK) {
                if (++block == blocks.length) blocks = Arrays.copyOf(blocks, blocks.length * 2);
                blocks[block] = new long[BLOCK];
                used = 0;
            }
            keys[i] = key;
            places[i] = ((long) block << BLOCK_BITS) | used;
            b = blocks[block];
            at = used;
            used += n;
            size++;
        } else {
            b = blocks[(int) (places[i] >>> BLOCK_BITS)];
            at = (int) (places[i] & (BLOCK - 1));
        }
        indexes[i] = index;
        var k = s.counts();
        b[at] = k.registered();
        b[at + 1] = k.ballotsCast();
        b[at + 2] = k.valid();
        b[at + 3] = k.nulls();
        b[at + 4] = k.blank();
        b[at + 5] = s.choiceCount();
        for (int c = 0; c < s.choiceCount(); c++) b[at + 6 + c] = s.vote(c);
        if (size * 2 > keys.length) grow();
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldIndexes = indexes;
        long[] oldPlaces = places;
        keys = new long[oldKeys.length * 2];
        indexes = new long[keys.length];
        places = new long[keys.length];
        Arrays.fill(keys, EMPTY);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == EMPTY) continue;
            int i = slot(oldKeys[j]);
            keys[i] = oldKeys[j];
            indexes[i] = oldIndexes[j];
            places[i] = oldPlaces[j];
        }
    }

    /** Every key that has a current copy, in ascending order. */
    long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) if (k != EMPTY) out[n++] = k;
        Arrays.sort(out);
        return out;
    }
}
