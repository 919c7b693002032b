package org.veritally.server.asof;

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
 * Use case: the election as it stood at log size N ({@link AsOf}). The state is rebuilt by replaying
 * the log's first N entries through {@link ReplayLog} into a fresh {@link ElectionState}, exactly as a
 * follower catches up (the same rulebook, the same leaf-hash check), so no second set of rules decides
 * what an old page shows. The {@value #CACHED} most recently asked sizes are kept (LRU): a permalink
 * opened by many readers, or a diff's two ends, replay once.
 *
 * <p>Why not snapshots (docs/architecture.md, "As of a checkpoint"): an as-of state is a full
 * {@link ElectionState} (catalogue, tabulation, current sheets, reconciliation), none of which can be
 * copied today; replay from entry 0 is what is measured in docs/performance.md.
 *
 * <p>Thread-safe: the cache is guarded by this object's monitor; a replay runs outside it, so two
 * readers asking for the same new size may both replay it (the second result wins, both are equal).
 */
public final class StatesAsOf {
    /** How many as-of states the cache keeps. */
    public static final int CACHED = 8;

    private static final int PAGE = 20_000;
    private final Store store;
    private final Map<Long, AsOf> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, AsOf> eldest) {
            return size() > CACHED;
        }
    };

    public StatesAsOf(Store store) {
        this.store = store;
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
        synchronized (this) {
            AsOf hit = cache.get(n);
            if (hit != null) return hit;
        }
        AsOf built = build(n);
        synchronized (this) {
            cache.put(n, built);
        }
        return built;
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
        ElectionState state = replay(store, n);
        byte[] root = state.range().root(LogHasher.create());
        var checkpoints = new CheckpointQueries(store);
        Optional<CheckpointQueries.Checkpoint> cp = checkpoints.firstCovering(n - 1);
        return new AsOf(n, HexFormat.of().formatHex(root), state, new ReadResults(state), cp);
    }

    /** A fresh state holding exactly the first {@code n} entries of the log. */
    static ElectionState replay(Store store, long n) {
        ElectionState state = new ElectionState();
        ReplayLog replay = ReplayLog.following(state, store);
        long next = 0;
        while (next < n) {
            List<LogRow> rows = store.readLog(next, (int) Math.min(PAGE, n - next));
            if (rows.isEmpty()) break;
            rows.forEach(replay::apply);
            replay.finishPage();
            next += rows.size();
        }
        if (state.logSize() != n)
            throw new IllegalStateException("the log holds " + state.logSize() + " entries, not " + n);
        return state;
    }
}
