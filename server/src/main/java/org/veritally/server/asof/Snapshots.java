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
import org.veritally.store.Store;

/**
 * Snapshots of the election's state every {@link #every} log entries (issue 18), so that the state as of any
 * size N is the nearest snapshot at most N plus a replay of fewer than {@code every} entries through the one
 * rulebook, instead of a replay from entry 0 (docs/architecture.md, "As of a checkpoint").
 *
 * <p>They are taken off the intake path: {@link #takeDue} (on the calling thread, or every {@code poll} on a
 * background thread of the lowest priority once {@link #start}ed) restores the last snapshot taken, replays the
 * log after it as a follower does (reading the store, never the sequencer's state) and writes a snapshot at
 * each multiple of {@code every} it passes. A snapshot found corrupt on load (its SHA-256, its layout, its root
 * against the store's tree) is logged, set aside, and the next one below is used, or a replay from entry 0.
 *
 * <p>Snapshots are kept open ({@link MappedSnapshot}: mapped, checked once) and a state is restored over the
 * file's arrays in place rather than by copying them, so a restore costs a few milliseconds at any size; the
 * background thread opens each one after taking it ({@link #openAll}), so a reader never pays for the check.
 *
 * <p>Thread-safe: {@link #takeDue} runs one at a time; restores may run beside it.
 */
public final class Snapshots implements AutoCloseable {
    /** The interval when {@code serve} is given none: see docs/performance.md for the reasoning. */
    public static final long DEFAULT_EVERY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger("veritally.asof");
    private static final int PAGE = 20_000;
    private final Store store;
    private final long every;
    private final SnapshotShelf shelf;
    private final SharedCatalogues catalogues;
    private final Object taking = new Object();
    private volatile ScheduledExecutorService scheduler;
    private final java.util.concurrent.ConcurrentHashMap<Long, MappedSnapshot> opened =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Snapshots of {@code store}'s log kept in {@code dir}, one every {@code every} entries; {@code live} is the
     * served state's catalogue, whose prefixes the restored states share.
     */
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
     * A state restored from the largest sound snapshot of size at most {@code n}; empty when there is none
     * (then a replay starts from entry 0). Corrupt snapshots met on the way are logged and set aside.
     */
    public Optional<ElectionState> restoreAtMost(long n) {
        return restoreFloor(n).map(Restored::state);
    }

    private record Restored(long[] sparse, ElectionState state) {}

    private Optional<Restored> restoreFloor(long n) {
        Optional<Long> size = shelf.floor(n);
        while (size.isPresent()) {
            long s = size.get();
            try {
                MappedSnapshot m = open(s);
                Catalogue shared = catalogues.at(m.units(), m.stations());
                ElectionState state = m.inPlace()
                        ? RestoreSnapshot.restoreInPlace(m, store, shared)
                        : RestoreSnapshot.restore(shelf.read(s), store, shared);
                return Optional.of(new Restored(m.sparse(), state));
            } catch (SnapshotCodec.CorruptSnapshot e) {
                LOG.warn("snapshot of log size {} is corrupt ({}); set aside, not used", s, e.getMessage());
                opened.remove(s);
                shelf.quarantine(s);
            } catch (IllegalStateException e) {
                LOG.warn("snapshot of log size {} not used: {}", s, e.getMessage());
                return Optional.empty();
            }
            size = s > 1 ? shelf.floor(s - 1) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The snapshot of {@code size}, mapped and checked the first time it is asked for, then kept open. */
    private MappedSnapshot open(long size) {
        MappedSnapshot m = opened.get(size);
        if (m != null) return m;
        m = MappedSnapshot.open(shelf.file(size));
        if (m.size() != size) throw new SnapshotCodec.CorruptSnapshot("it holds size " + m.size() + ", not " + size);
        opened.put(size, m);
        return m;
    }

    /**
     * Opens (maps and checks) every snapshot on the shelf not yet open, so that the first request resting on
     * one does not pay for reading and hashing the whole file; a snapshot of an earlier version that cannot be
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
                if (!m.inPlace()) rewriteOrdered(s);
            } catch (SnapshotCodec.CorruptSnapshot e) {
                LOG.warn("snapshot of log size {} is corrupt ({}); set aside, not used", s, e.getMessage());
                opened.remove(s);
                shelf.quarantine(s);
            }
        }
        return n;
    }

    private void rewriteOrdered(long s) {
        synchronized (taking) {
            Snapshot old = shelf.read(s);
            Catalogue shared = catalogues.at(old.units(), old.stations());
            ElectionState state = RestoreSnapshot.restore(old, store, shared);
            opened.remove(s);
            long bytes = shelf.write(TakeSnapshot.of(state, old.sparse()));
            LOG.info("snapshot of log size {} written again with its copies in order ({} bytes)", s, bytes);
            open(s);
        }
    }

    /** Takes every snapshot due (each multiple of {@link #every} up to the log's size not yet kept); how many. */
    public int takeDue() {
        synchronized (taking) {
            return takeDueNow();
        }
    }

    private int takeDueNow() {
        long last = store.logSize() / every * every;
        long first = every;
        while (first <= last && shelf.has(first)) first += every;
        if (first > last) return 0;
        var from = restoreFloor(first - 1);
        ElectionState state = from.map(Restored::state).orElseGet(ElectionState::new);
        Sparse kinds = new Sparse(from.map(Restored::sparse).orElse(new long[0]));
        ReplayLog replay = ReplayLog.following(state, store);
        int written = 0;
        for (long b = (state.logSize() / every + 1) * every; b <= last; b += every) {
            StatesAsOf.replayTo(state, replay, store, b, kinds::add);
            if (shelf.has(b)) continue;
            opened.remove(b);
            long bytes = shelf.write(TakeSnapshot.of(state, kinds.toArray()));
            LOG.info("snapshot of the state at log size {} written ({} bytes)", b, bytes);
            written++;
        }
        return written;
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
