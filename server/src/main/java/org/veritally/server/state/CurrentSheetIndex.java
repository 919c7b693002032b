package org.veritally.server.state;

import java.util.Arrays;
import org.veritally.core.reconcile.CopyDigest;
import org.veritally.core.reconcile.CopyKey;

/**
 * The current copy of each station × contest × source: which log entry holds it, and its
 * {@link CopyDigest} for reconciliation. An open-addressing map from a packed key to three longs,
 * about 43 bytes a copy at its 0.75 load, so a million stations with three sources take ~130 MB.
 * Keys are {@link org.veritally.core.reconcile.CopyKey}s.
 *
 * <p>An as-of state restored from a snapshot in place (issue 18) puts its copies {@link #underlay under} this
 * map instead: a key not put here is looked up in the {@link Base} (the snapshot's sorted arrays, read where
 * they lie), so a restore costs nothing per copy and a replay after it fills only the map of what it changed.
 * Copies are never removed, only replaced, so a key put here hides the base's.
 *
 * <p>Not thread-safe: the sequencer owns it. Once the state is live, the sequencer puts a batch's copies (and sets
 * their verdicts in the {@link ReconciliationState}) while holding this index's monitor, and only then; so a reader on
 * another thread may read it while holding the monitor too, briefly (a page's rows, not a whole view: the sequencer
 * waits meanwhile), and sees every batch whole or not at all ({@link #copies}).
 */
public final class CurrentSheetIndex {
    private static final long EMPTY = -1;
    private long[] keys = new long[1 << 10];
    private long[] entries = new long[1 << 10];
    private long[] cores = new long[1 << 10];
    private long[] optionals = new long[1 << 10];
    private int size;
    private Base base = Base.NONE;
    private int shadowed; // keys put here that the base holds too

    public CurrentSheetIndex() {
        Arrays.fill(keys, EMPTY);
    }

    /** Copies read in place from elsewhere (a snapshot), under the ones put here. Safe to read from threads. */
    public interface Base {
        /** No copies. */
        Base NONE = new Base() {
            @Override
            public int find(long key) {
                return -1;
            }

            @Override
            public int count() {
                return 0;
            }

            @Override
            public long key(int i) {
                throw new IndexOutOfBoundsException(i);
            }

            @Override
            public long entry(int i) {
                throw new IndexOutOfBoundsException(i);
            }

            @Override
            public long core(int i) {
                throw new IndexOutOfBoundsException(i);
            }

            @Override
            public long optional(int i) {
                throw new IndexOutOfBoundsException(i);
            }
        };

        /** The position of {@code key}, or a negative number when the base does not hold it. */
        int find(long key);

        int count();

        long key(int i);

        long entry(int i);

        long core(int i);

        long optional(int i);

        /** Calls {@code v} with every copy of the base once (a base of several layers overrides it). */
        default void forEach(CopyVisitor v) {
            for (int b = 0; b < count(); b++) v.copy(key(b), entry(b), core(b), optional(b));
        }
    }

    /**
     * Reads the copies not put here from {@code b}.
     *
     * @throws IllegalStateException if copies were put already or a base was set
     */
    public void underlay(Base b) {
        if (size != 0 || base != Base.NONE) throw new IllegalStateException("a base goes under an empty index only");
        base = b;
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
        if (keys[i] != EMPTY) return entries[i];
        int b = base.find(key);
        return b < 0 ? -1 : base.entry(b);
    }

    /**
     * How many of the first {@code sources} sources have a current copy of {@code station} × {@code contest}. Holds
     * the monitor (see the class comment), so a live page may call it while the sequencer publishes.
     */
    public synchronized int copies(int station, int contest, int sources) {
        int n = 0;
        for (int src = 0; src < sources; src++) if (get(CopyKey.of(station, contest, src)) >= 0) n++;
        return n;
    }

    /** The digest of the copy at {@code key}; only valid when {@link #get} is not -1. */
    public CopyDigest digest(long key) {
        int i = slot(key, keys);
        if (keys[i] != EMPTY) return new CopyDigest(cores[i], optionals[i]);
        int b = base.find(key);
        if (b < 0) throw new IllegalStateException("no copy at key " + key);
        return new CopyDigest(base.core(b), base.optional(b));
    }

    public void put(long key, long entryIdx, CopyDigest d) {
        if ((size + 1) * 4L > keys.length * 3L) grow();
        int i = slot(key, keys);
        if (keys[i] == EMPTY) {
            size++;
            if (base.find(key) >= 0) shadowed++;
        }
        keys[i] = key;
        entries[i] = entryIdx;
        cores[i] = d.core();
        optionals[i] = d.optional();
    }

    public int size() {
        return size + base.count() - shadowed;
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
        base.forEach((k, e, c, o) -> {
            if (keys[slot(k, keys)] == EMPTY) v.copy(k, e, c, o);
        });
        forEachPut(v);
    }

    /**
     * Calls {@code v} with every copy put here, not those only in the {@link #underlay base}: what a replay
     * after a restore changed (a snapshot layer holds just that, issue 15).
     */
    public void forEachPut(CopyVisitor v) {
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
