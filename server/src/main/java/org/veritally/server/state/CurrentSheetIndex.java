package org.veritally.server.state;

import java.util.Arrays;
import org.veritally.core.reconcile.CopyDigest;

/**
 * The current copy of each station × contest × source: which log entry holds it, and its
 * {@link CopyDigest} for reconciliation. An open-addressing map from a packed key to three longs,
 * about 43 bytes a copy at its 0.75 load, so a million stations with three sources take ~130 MB.
 * Keys are {@link org.veritally.core.reconcile.CopyKey}s. Not thread-safe: the sequencer owns it.
 */
public final class CurrentSheetIndex {
    private static final long EMPTY = -1;
    private long[] keys = new long[1 << 10];
    private long[] entries = new long[1 << 10];
    private long[] cores = new long[1 << 10];
    private long[] optionals = new long[1 << 10];
    private int size;

    public CurrentSheetIndex() {
        Arrays.fill(keys, EMPTY);
    }

    private static int slot(long k, long[] ks) {
        int mask = ks.length - 1;
        int i = (int) (mix(k) & mask);
        while (ks[i] != EMPTY && ks[i] != k) i = (i + 1) & mask;
        return i;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    /** The entry index for {@code key}, or -1. */
    public long get(long key) {
        int i = slot(key, keys);
        return keys[i] == EMPTY ? -1 : entries[i];
    }

    /** The digest of the copy at {@code key}; only valid when {@link #get} is not -1. */
    public CopyDigest digest(long key) {
        int i = slot(key, keys);
        if (keys[i] == EMPTY) throw new IllegalStateException("no copy at key " + key);
        return new CopyDigest(cores[i], optionals[i]);
    }

    public void put(long key, long entryIdx, CopyDigest d) {
        if ((size + 1) * 4L > keys.length * 3L) grow();
        int i = slot(key, keys);
        if (keys[i] == EMPTY) size++;
        keys[i] = key;
        entries[i] = entryIdx;
        cores[i] = d.core();
        optionals[i] = d.optional();
    }

    public int size() {
        return size;
    }

    /** Makes room for {@code copies} copies at once (a restore knows how many it will put). */
    public void reserve(int copies) {
        while (copies * 4L > keys.length * 3L) grow();
    }

    /** One current copy, as {@link #forEach} hands it out. */
    @FunctionalInterface
    public interface CopyVisitor {
        void copy(long key, long entryIdx, long core, long optional);
    }

    /** Calls {@code v} with every current copy, in no particular order (a snapshot writes them all). */
    public void forEach(CopyVisitor v) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY) v.copy(keys[i], entries[i], cores[i], optionals[i]);
    }

    private void grow() {
        long[] ok = keys;
        long[] oe = entries;
        long[] oc = cores;
        long[] oo = optionals;
        int n = ok.length * 2;
        keys = new long[n];
        entries = new long[n];
        cores = new long[n];
        optionals = new long[n];
        Arrays.fill(keys, EMPTY);
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != EMPTY) {
                int i = slot(ok[j], keys);
                keys[i] = ok[j];
                entries[i] = oe[j];
                cores[i] = oc[j];
                optionals[i] = oo[j];
            }
        }
    }
}
