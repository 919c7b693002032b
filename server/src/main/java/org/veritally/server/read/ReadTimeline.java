package org.veritally.server.read;

import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Election;
import org.veritally.core.tabulate.View;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.ReadRule;
import org.veritally.formats.timeline.Timeline;
import org.veritally.formats.timeline.TimelineRecorder;
import org.veritally.server.state.ElectionState;
import org.veritally.store.CheckpointQueries;
import org.veritally.store.LogRow;
import org.veritally.store.Store;

/**
 * Use case: the reporting timeline of a unit × contest × view (docs/timeline.md). The log is read from
 * the store once, in index order, into a {@link TimelineRecorder} (through the one rulebook), and
 * afterwards only the entries appended since the last request; the wall-clock times are the stored
 * checkpoints' ({@link CheckpointClock}). The first request after start-up reads the whole log (about
 * as long as {@code verify}); later ones read what is new. Requests are serialised. Thread-safe.
 */
public final class ReadTimeline {
    private static final int PAGE = 10_000;
    private final ElectionState state;
    private final Store store;
    private final TimelineRecorder recorder = new TimelineRecorder();
    private final CheckpointClock clock = new CheckpointClock();

    public ReadTimeline(ElectionState state, Store store) {
        this.state = state;
        this.store = store;
    }

    /**
     * The timeline of {@code unitId} (default the root) × {@code contestId} (default the first) × {@code
     * viewName} ({@code official}, {@code consensus} or {@code source:<id>}) at the log's current size.
     *
     * @throws UsageProblem RD-ELECTION, RD-UNIT, RD-CONTEST or RD-VIEW
     */
    public synchronized Timeline timeline(Optional<String> unitId, Optional<String> contestId, String viewName) {
        Election e = state.election()
                .orElseThrow(() ->
                        new UsageProblem(ReadRule.RD_ELECTION, "no election is defined in this data directory yet"));
        String uid = unitId.orElse(e.rootUnitId());
        if (state.catalogue().unitIndex(uid) < 0)
            throw new UsageProblem(ReadRule.RD_UNIT, "unknown unit '" + uid + "'");
        String cid = contestId.orElse(e.contests().get(0).id());
        if (e.contestIndex(cid) < 0) throw new UsageProblem(ReadRule.RD_CONTEST, "unknown contest '" + cid + "'");
        View view = view(viewName);
        catchUp(state.logSize());
        return recorder.timeline(uid, cid, view, clock::timeOf);
    }

    private View view(String name) {
        View v = View.parse(name);
        var tab = state.tabulation();
        if (v instanceof View.OfSource s && tab.sourceIndex(s.sourceId()) < 0)
            throw new UsageProblem(
                    ReadRule.RD_VIEW,
                    "unknown view '" + name + "' (use official, consensus, or source:<id> of a declared source)");
        if (v instanceof View.Official && tab.authority().isEmpty())
            throw new UsageProblem(
                    ReadRule.RD_VIEW,
                    "no authority source is declared, so there is no official view; use source:<id> (sources: "
                            + tab.sources().stream().map(s -> s.id()).toList() + ")");
        return v;
    }

    /** Reads the entries past the recorder's size up to {@code size}, and the checkpoints signed since. */
    private void catchUp(long size) {
        while (recorder.size() < size) {
            List<LogRow> rows = store.readLog(recorder.size(), (int) Math.min(PAGE, size - recorder.size()));
            if (rows.isEmpty()) break;
            for (LogRow row : rows) {
                if (row.idx() != recorder.size())
                    throw new IllegalStateException(
                            "log entry " + row.idx() + " read where entry " + recorder.size() + " was expected");
                List<Problem> problems = recorder.accept(row.body());
                if (!problems.isEmpty())
                    throw new IllegalStateException("log entry " + row.idx() + " does not replay: " + problems);
            }
        }
        clock.catchUp(new CheckpointQueries(store));
    }
}
