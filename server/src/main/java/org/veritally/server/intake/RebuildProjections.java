package org.veritally.server.intake;

import org.veritally.server.state.ElectionState;
import org.veritally.store.LogRow;
import org.veritally.store.Store;

/**
 * Use case: recompute every projection from the log alone, in one transaction: the election, the
 * catalogue, the sources, the current sheet per station × contest × source, the flags and the totals
 * per unit × contest × source ({@link ReplayLog}). The result is identical, row for row, to what the
 * sequencer wrote live (tested by RebuildTest). Returns the state to use afterwards.
 */
public final class RebuildProjections {
    private static final int PAGE = 20_000;

    private RebuildProjections() {}

    public static ElectionState rebuild(Store store) {
        return rebuild(store, store);
    }

    /**
     * Replays {@code log}'s log into {@code target}'s projections (cleared first), in one transaction of {@code
     * target}: the integrity check rebuilds into a scratch database this way, reading the log in the caller's
     * snapshot. A refused or undecodable entry ({@link ReplayLog#apply}) rolls the transaction back whole.
     */
    public static ElectionState rebuild(Store log, Store target) {
        return rebuild(log, target, -1, s -> {});
    }

    /**
     * As {@link #rebuild(Store, Store)}, handing the state to {@code at} when it holds exactly the first {@code
     * size} entries (a page ends there), before the replay goes on: the integrity check compares it with the state
     * start-up restored from a snapshot of that size. {@code at} must not keep it; no call when {@code size} is
     * not in 1..the log's size.
     */
    public static ElectionState rebuild(
            Store log, Store target, long size, java.util.function.Consumer<ElectionState> at) {
        ElectionState fresh = new ElectionState();
        long end = log.logSize();
        target.write(tx -> {
            target.clearProjections(tx);
            ReplayLog replay = ReplayLog.rebuilding(fresh, log, tx);
            long from = 0;
            while (from < end) {
                int page = (int) (from < size && size < from + PAGE ? size - from : PAGE);
                // one tabulation batch and one reconciler per page, published at its end, so memory stays bounded
                for (LogRow row : log.readLog(from, page)) replay.apply(row);
                replay.finishPage();
                from += page;
                if (from == size && size <= end) at.accept(fresh); // a size beyond the log is never reached
            }
            return null;
        });
        return fresh;
    }
}
