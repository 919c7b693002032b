package org.veritally.server.asof;

import java.lang.ref.SoftReference;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.validation.ReadRule;
import org.veritally.server.intake.ReplayLog;
import org.veritally.server.read.ReadResults;
import org.veritally.server.read.UsageProblem;
import org.veritally.server.state.ElectionState;
import org.veritally.store.CheckpointQueries;
import org.veritally.store.LogRow;
import org.veritally.store.Store;
import org.veritally.translog.LogHasher;

/**
 * Use case: the election as it stood at log size N ({@link AsOf}). The state is built by replaying log
 * entries through {@link ReplayLog} into an {@link ElectionState}, exactly as a follower catches up (the
 * same rulebook, the same leaf-hash check), so no second set of rules decides what an old page shows:
 * from the nearest {@link Snapshots snapshot} of size at most N when there are snapshots (fewer than
 * {@code every} entries), else from entry 0 into a fresh state (docs/architecture.md, "As of a checkpoint").
 * The {@value #CACHED} most recently asked sizes are kept (LRU): a permalink opened by many readers, or a
 * diff's two ends, are built once.
 *
 * <p>Memory: an as-of state is as large as the live one at that size, so the cache must never be what
 * exhausts the heap. Its entries are {@link SoftReference}s, which the collector clears before it would
 * run out of memory, and only one state is replayed at a time (readers asking for other new sizes wait for
 * it), so however many readers ask for however many sizes, at most one as-of state beyond the live one is
 * being built. Serve with a heap that holds two states at the log's size (docs/operations.md).
 *
 * <p>Thread-safe: the cache is guarded by this object's monitor, replays by {@code building}; a size
 * asked for while it is being replayed is found in the cache once that replay is done.
 */
public final class StatesAsOf {
    /** How many as-of states the cache keeps. */
    public static final int CACHED = 8;

    private static final int PAGE = 20_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("veritally.asof");
    private final Store store;
    private final Optional<Snapshots> snapshots;
    private final Object building = new Object();
    private final Map<Long, SoftReference<AsOf>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SoftReference<AsOf>> eldest) {
            return size() > CACHED;
        }
    };

    /** As-of states replayed from entry 0 (no snapshots). */
    public StatesAsOf(Store store) {
        this(store, Optional.empty());
    }

    /** As-of states replayed from the nearest of {@code snapshots} (or from entry 0 when none is below N). */
    public StatesAsOf(Store store, Optional<Snapshots> snapshots) {
        this.store = store;
        this.snapshots = snapshots;
    }

    /** The snapshots this use case starts from, if any. */
    public Optional<Snapshots> snapshots() {
        return snapshots;
    }

    /**
     * The election at log size {@code n}.
     *
     * @throws UsageProblem {@code RD-AT} when {@code n} is below 1 or above the log's size
     */
    public AsOf at(long n) {
        long size = store.logSize();
        if (n < 1 || n > size)
            throw new UsageProblem(
                    ReadRule.RD_AT, "the log has had sizes 1 to " + size + " only; at=" + n + " is not one of them");
        AsOf hit = cached(n);
        if (hit != null) return hit;
        synchronized (building) {
            hit = cached(n); // replayed by another reader while this one waited
            if (hit != null) return hit;
            AsOf built = build(n);
            synchronized (this) {
                cache.put(n, new SoftReference<>(built));
            }
            return built;
        }
    }

    private synchronized AsOf cached(long n) {
        SoftReference<AsOf> ref = cache.get(n);
        AsOf hit = ref == null ? null : ref.get();
        if (ref != null && hit == null) cache.remove(n); // cleared by the collector
        return hit;
    }

    /** Parses an {@code at}/{@code from}/{@code to} parameter: a whole number, else {@code RD-AT}. */
    public static long parse(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageProblem(ReadRule.RD_AT, name + " must be a log size (a whole number), not '" + value + "'");
        }
    }

    private AsOf build(long n) {
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        ElectionState state = snapshots.flatMap(s -> s.restoreAtMost(n)).orElseGet(ElectionState::new);
        long from = state.logSize();
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        replayTo(state, ReplayLog.following(state, store), store, n, idx -> {});
        LOG.info(
                "as of log size {}: snapshot of size {} restored in {} ms (CPU {} ms), {} entries replayed in {} ms"
                        + " (CPU {} ms)",
                n,
                from,
                (t1 - t0) / 1_000_000,
                (c1 - c0) / 1_000_000,
                n - from,
                (System.nanoTime() - t1) / 1_000_000,
                (cpu.getCurrentThreadCpuTime() - c1) / 1_000_000);
        byte[] root = state.range().root(LogHasher.create());
        var checkpoints = new CheckpointQueries(store);
        Optional<CheckpointQueries.Checkpoint> cp = checkpoints.firstCovering(n - 1);
        return new AsOf(n, HexFormat.of().formatHex(root), state, new ReadResults(state), cp);
    }

    /** A fresh state holding exactly the first {@code n} entries of the log. */
    static ElectionState replay(Store store, long n) {
        ElectionState state = new ElectionState();
        replayTo(state, ReplayLog.following(state, store), store, n, idx -> {});
        return state;
    }

    /**
     * Replays the log's entries from {@code state}'s size up to size {@code n} through {@code replay} (which
     * follows {@code state}), telling {@code sparse} the index of each {@link ElectionState#sparse} entry.
     */
    static void replayTo(
            ElectionState state, ReplayLog replay, Store store, long n, java.util.function.LongConsumer sparse) {
        long next = state.logSize();
        while (next < n) {
            List<LogRow> rows = store.readLog(next, (int) Math.min(PAGE, n - next));
            if (rows.isEmpty()) break;
            for (LogRow row : rows) {
                if (ElectionState.sparse(row.kind())) sparse.accept(row.idx());
                replay.apply(row);
            }
            replay.finishPage();
            next += rows.size();
        }
        if (state.logSize() != n)
            throw new IllegalStateException("the log holds " + state.logSize() + " entries, not " + n);
    }
}
