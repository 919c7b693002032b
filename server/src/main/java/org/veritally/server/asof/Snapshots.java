package org.veritally.server.asof;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veritally.core.model.Catalogue;
import org.veritally.server.intake.ReplayLog;
import org.veritally.server.state.ElectionState;
import org.veritally.server.state.ReconciliationState;
import org.veritally.store.Store;

/**
 * Snapshots of the election's state every {@link #every} log entries (issue 18), so that the state as of any
 * size N is the nearest snapshot at most N plus a replay of fewer than {@code every} entries through the one
 * rulebook, instead of a replay from entry 0 (docs/architecture.md, "As of a checkpoint").
 *
 * <p>Layers (issue 15; docs/architecture.md, "Snapshots in layers"): the state of size {@code j × every} is kept
 * as a layer over the state of size {@code b × every}, where {@code b} is {@code j} with its lowest set bit
 * cleared ({@link #baseOf}), holding only what changed between the two; a {@code j} that is a power of two has
 * base 0, a whole state. So the state of any multiple of {@code every} is a stack of at most log2(j) + 1
 * layers, and every change is kept in at most that many layers: the disk grows as n log n in the log's size,
 * not n². A layer whose base cannot be read (gone, corrupt, of another log) is not used, and the next state
 * below is tried.
 *
 * <p>They are taken off the intake path: {@link #takeDue} (on the calling thread, or every {@code poll} on a
 * background thread of the lowest priority once {@link #start}ed) takes the layers of the newest state first
 * (so that the next start-up restores it at once), then every other one missing, each by restoring the state
 * just below it (or its base), replaying the entries up to it as a follower does (reading the store, never the
 * sequencer's state) and keeping what changed. A layer found corrupt on load (its SHA-256, its layout, its
 * root against the store's tree) is logged with its reason ({@link #refusals}), set aside, and the next state
 * below is used, or a replay from entry 0; the next round of taking writes it again.
 *
 * <p>Layers are kept open ({@link MappedSnapshot}: mapped, checked once) and a state is restored over the
 * files' arrays in place rather than by copying them, so a restore costs a few milliseconds at any size; the
 * background thread opens each one after taking it ({@link #openAll}), so a reader never pays for the check.
 *
 * <p>Thread-safe: {@link #takeDue} runs one at a time; restores may run beside it.
 */
public final class Snapshots implements AutoCloseable {
    /** The interval when {@code serve} is given none: see docs/performance.md for the reasoning. */
    public static final long DEFAULT_EVERY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger("veritally.asof");
    private static final int REFUSALS_KEPT = 32;
    private final Store store;
    private final long every;
    private final SnapshotShelf shelf;
    private final SharedCatalogues catalogues;
    private final Object taking = new Object();
    private volatile ScheduledExecutorService scheduler;
    private final java.util.concurrent.ConcurrentHashMap<Long, MappedSnapshot> opened =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Deque<String> refusals = new java.util.ArrayDeque<>();

    public Snapshots(Store store, Path dir, long every, Supplier<Catalogue> live) {
        if (every < 1) throw new IllegalArgumentException("snapshots every " + every + " entries");
        this.store = store;
        this.every = every;
        this.shelf = new SnapshotShelf(dir);
        this.catalogues = new SharedCatalogues(live);
    }

    public long every() {
        return every;
    }

    public SnapshotShelf shelf() {
        return shelf;
    }

    /**
     * Shares {@code c} as it is with the states restored from snapshots of its size (its units and stations),
     * instead of building their catalogue again from the live one; the caller never writes {@code c} again.
     * Start-up hands over the catalogue image's catalogue this way (issue 15).
     */
    public void share(Catalogue c) {
        catalogues.share(c);
    }

    /**
     * Takes back what {@link #share} handed over, if it is still kept: start-up that falls back to the projections
     * leaves no catalogue of the image behind for later restores (the image is bound to the log by its root only,
     * and only a start from a snapshot has it checked by INTEG-START).
     */
    public void unshare(Catalogue c) {
        catalogues.unshare(c);
    }

    /**
     * A state restored from the largest sound snapshot of size at most {@code n}; empty when there is none
     * (then a replay starts from entry 0). Corrupt layers met on the way are logged and set aside.
     */
    public Optional<ElectionState> restoreAtMost(long n) {
        return restoreFloor(n).map(Restored::state);
    }

    /**
     * Why layers were refused, the most recent last (at most {@value #REFUSALS_KEPT}): "log size S: reason".
     */
    public java.util.List<String> refusals() {
        synchronized (refusals) {
            return java.util.List.copyOf(refusals);
        }
    }

    /** The base of the layer of {@code j × every}: {@code j} with its lowest set bit cleared, times every. */
    public long baseOf(long size) {
        long j = size / every;
        return (j & (j - 1)) * every;
    }

    private record Restored(MappedSnapshot stack, ElectionState state) {}

    private Optional<Restored> restoreFloor(long n) {
        Optional<Long> size = shelf.floor(n);
        while (size.isPresent()) {
            long s = size.get();
            try {
                Optional<Restored> r = restore(s);
                if (r.isPresent()) return r;
            } catch (SnapshotCodec.CorruptSnapshot e) {
                refuse(e.size() >= 0 ? e.size() : s, e.getMessage());
            } catch (IllegalStateException e) {
                LOG.warn("snapshot of log size {} not used: {}", s, e.getMessage());
                return Optional.empty();
            }
            size = s > 1 ? shelf.floor(s - 1) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The state of exactly size {@code s} from its layers; empty when a layer below the top is of an earlier
     * version not ordered for reading in place (until {@link #openAll} writes it again).
     *
     * @throws SnapshotCodec.CorruptSnapshot naming the layer at fault ({@link SnapshotCodec.CorruptSnapshot#size})
     */
    private Optional<Restored> restore(long s) {
        MappedSnapshot m = open(s);
        Catalogue shared = catalogues.at(m.units(), m.stations());
        if (!m.inPlace()) {
            if (m.base() != 0) {
                LOG.info("the state of log size {} lies over a snapshot not yet written in order; not used", s);
                return Optional.empty();
            }
            return Optional.of(new Restored(m, RestoreSnapshot.restore(shelf.read(s), store, shared)));
        }
        for (MappedSnapshot layer : m.layers()) {
            if (layer == m || layer.rootChecked()) continue;
            try {
                RestoreSnapshot.checkRoot(layer.size(), layer.range(), store);
            } catch (SnapshotCodec.CorruptSnapshot e) {
                throw e.at(layer.size());
            }
            layer.markRootChecked();
        }
        return Optional.of(new Restored(m, RestoreSnapshot.restoreInPlace(m, store, shared)));
    }

    /** Why a layer is not used when it is not there: not a corrupt file, so nothing is set aside. */
    private static final String MISSING = "there is no layer of that size";

    /**
     * Logs why the layer of {@code size} is not used, sets it aside, and forgets the states over it. A layer that
     * is missing (deleted, or not taken yet) is only logged: the taker may be writing it at this moment, and a
     * good file must not be set aside as corrupt.
     */
    private void refuse(long size, String reason) {
        if (MISSING.equals(reason)) {
            LOG.debug("snapshot of log size {}: no layer of that size on the shelf; the state below is used", size);
            opened.values().removeIf(m -> m.layers().stream().anyMatch(l -> l.size() == size));
            return;
        }
        LOG.warn("snapshot of log size {} is corrupt ({}); set aside, not used", size, reason);
        synchronized (refusals) {
            refusals.addLast("log size " + size + ": " + reason);
            while (refusals.size() > REFUSALS_KEPT) refusals.removeFirst();
        }
        opened.values().removeIf(m -> m.layers().stream().anyMatch(l -> l.size() == size));
        shelf.quarantine(size);
    }

    /**
     * The state of {@code size}: its layer, mapped and checked the first time it is asked for, over the state
     * of its base (opened likewise), then kept open.
     *
     * @throws SnapshotCodec.CorruptSnapshot naming the layer at fault
     */
    private MappedSnapshot open(long size) {
        MappedSnapshot m = opened.get(size);
        if (m != null) return m;
        if (!shelf.has(size)) throw new SnapshotCodec.CorruptSnapshot(MISSING, size);
        try {
            m = MappedSnapshot.open(shelf.file(size));
            if (m.size() != size)
                throw new SnapshotCodec.CorruptSnapshot("it holds size " + m.size() + ", not " + size);
        } catch (SnapshotCodec.CorruptSnapshot e) {
            throw e.at(size);
        }
        if (m.base() > 0) {
            MappedSnapshot under = open(m.base());
            try {
                m = m.over(under);
            } catch (SnapshotCodec.CorruptSnapshot e) {
                throw e.at(size);
            }
        }
        opened.put(size, m);
        return m;
    }

    /**
     * Opens (maps and checks) every layer on the shelf not yet open, so that the first request resting on one
     * does not pay for reading and hashing the whole file; a whole snapshot of an earlier version that cannot be
     * read in place (its copies not ordered) is written again in the current order. How many were opened.
     */
    public int openAll() {
        int n = 0;
        for (long s : shelf.sizes()) {
            MappedSnapshot known = opened.get(s);
            if (known != null && known.inPlace()) continue;
            try {
                MappedSnapshot m = open(s);
                n++;
                if (!m.inPlace() && m.base() == 0) rewriteOrdered(s);
            } catch (SnapshotCodec.CorruptSnapshot e) {
                refuse(e.size() >= 0 ? e.size() : s, e.getMessage());
            }
        }
        return n;
    }

    private void rewriteOrdered(long s) {
        synchronized (taking) {
            Snapshot old = shelf.read(s);
            Catalogue shared = catalogues.at(old.units(), old.stations());
            ElectionState state = RestoreSnapshot.restore(old, store, shared);
            opened.values().removeIf(m -> m.layers().stream().anyMatch(l -> l.size() == s));
            long bytes = shelf.write(TakeSnapshot.of(state, old.sparse()));
            LOG.info("snapshot of log size {} written again with its copies in order ({} bytes)", s, bytes);
            open(s);
        }
    }

    /**
     * Takes every layer due (one at each multiple of {@link #every} up to the log's size, over the base {@link
     * #baseOf} names, that is not on the shelf or lies over another base, as a whole snapshot of the first
     * version does): first those of the newest state, bottom up, then the others in order. How many it wrote.
     */
    public int takeDue() {
        synchronized (taking) {
            int written = takeNewest();
            for (long j = 1; j <= store.logSize() / every; j++) written += takeIfDue(j * every);
            return written;
        }
    }

    /**
     * Takes the layers of the newest state due (the largest multiple of {@link #every} up to the log's size),
     * bottom up, so that it can be restored: after a bulk import, the state a start-up restores. How many it
     * wrote.
     */
    public int takeNewest() {
        synchronized (taking) {
            java.util.List<Long> newest = new java.util.ArrayList<>();
            for (long j = store.logSize() / every; j > 0; j &= j - 1) newest.add(0, j);
            int written = 0;
            for (long j : newest) written += takeIfDue(j * every);
            return written;
        }
    }

    /** Takes the layer of {@code size} unless it is on the shelf over the right base; 1 if it wrote it. */
    private int takeIfDue(long size) {
        long base = baseOf(size);
        if (shelf.base(size).map(b -> b == base).orElse(false)) return 0;
        // from the state just below when its layers reach down to the base (a replay of `every` entries), else
        // from the base's state (a replay of size - base entries), else, over nothing, from entry 0
        Optional<Restored> from = Optional.empty();
        long below = size - every;
        if (below > base) from = restoreForTaking(below).filter(r -> reaches(r.stack(), base));
        if (from.isEmpty() && base > 0) from = restoreForTaking(base);
        if (from.isEmpty() && base > 0) {
            LOG.warn("snapshot of log size {} not taken: the state of size {} below it cannot be restored", size, base);
            return 0;
        }
        ElectionState state = from.map(Restored::state).orElseGet(ElectionState::new);
        long[] before = from.map(r -> r.stack().sparse()).orElse(new long[0]);
        Sparse kinds = new Sparse(Arrays.stream(before).filter(i -> i >= base).toArray());
        ReconciliationState.Image underneath = base == 0
                ? Snapshot.Slots.empty(0)
                : from.get().stack().layers().stream()
                        .filter(m -> m.size() == base)
                        .findFirst()
                        .orElseThrow()
                        .reconciliation();
        StatesAsOf.replayTo(state, ReplayLog.following(state, store), store, size, kinds::add);
        opened.remove(size);
        Snapshot layer = TakeSnapshot.layer(state, base, from.map(Restored::stack), kinds.toArray(), underneath);
        long bytes = shelf.write(layer);
        LOG.info("snapshot of the state at log size {} written ({} bytes, over {})", size, bytes, base);
        return 1;
    }

    /** The state of exactly {@code size}, read in place, for taking a layer over it; empty if it cannot be. */
    private Optional<Restored> restoreForTaking(long size) {
        if (shelf.base(size).isEmpty()) return Optional.empty();
        try {
            if (!open(size).inPlace() && open(size).base() == 0) rewriteOrdered(size);
            return restore(size).filter(r -> r.stack().inPlace());
        } catch (SnapshotCodec.CorruptSnapshot e) {
            refuse(e.size() >= 0 ? e.size() : size, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether {@code stack}'s layers reach down to the state of {@code base} exactly (one of them lies over it). */
    private static boolean reaches(MappedSnapshot stack, long base) {
        for (MappedSnapshot m : stack.layers()) {
            if (m.base() == base) return true;
            if (m.base() < base) return false;
        }
        return false;
    }

    /** Takes the snapshots due now and then every {@code poll}, on a daemon thread of the lowest priority. */
    public synchronized void start(Duration poll) {
        if (scheduler != null) throw new IllegalStateException("already started");
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "veritally-snapshots");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        takeDue();
                        int n = openAll();
                        if (n > 0) LOG.info("{} snapshots opened and checked; {} open", n, opened.size());
                    } catch (RuntimeException e) {
                        LOG.warn("taking snapshots failed; tried again in {}: {}", poll, e.toString());
                    }
                },
                0,
                poll.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService s = scheduler;
        if (s != null) s.shutdownNow();
    }

    /** The indices of the sparse entries so far (a growable array). */
    private static final class Sparse {
        private long[] v;
        private int n;

        Sparse(long[] start) {
            v = Arrays.copyOf(start, Math.max(16, start.length * 2));
            n = start.length;
        }

        void add(long idx) {
            if (n == v.length) v = Arrays.copyOf(v, n * 2);
            v[n++] = idx;
        }

        long[] toArray() {
            return Arrays.copyOf(v, n);
        }
    }
}
