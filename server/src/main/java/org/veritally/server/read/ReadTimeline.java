package org.veritally.server.read;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
    private final TimelineRecorder recorder;
    private final CheckpointClock clock = new CheckpointClock();
    /** The last prefix replayed apart for a timeline as of a size before the election's shape last changed. */
    private TimelineRecorder prefix;

    public ReadTimeline(ElectionState state, Store store) {
        this.state = state;
        this.store = store;
        this.recorder = new TimelineRecorder(state::catalogue); // the served stations' objects, not a second copy
    }

    /**
     * The timeline of {@code unitId} (default the root) × {@code contestId} (default the first) × {@code
     * viewName} ({@code official}, {@code consensus} or {@code source:<id>}) at the log's current size.
     *
     * @throws UsageProblem RD-ELECTION, RD-UNIT, RD-CONTEST or RD-VIEW
     */
    public synchronized Timeline timeline(Optional<String> unitId, Optional<String> contestId, String viewName) {
        return timeline(unitId, contestId, viewName, OptionalLong.empty());
    }

    /**
     * The timeline as it stood when the log held {@code at} entries (issue 18; the live one when empty): the
     * current timeline cut at that size, or, for a size before the election's catalogue or sources last changed,
     * the timeline of the log's first {@code at} entries replayed apart (kept for the next request of that size).
     * Equal to the timeline of a rebuild truncated at {@code at} ({@code ReadTimelineAsOfTest}).
     *
     * @throws UsageProblem RD-AT (a size the log never had), RD-ELECTION, RD-UNIT, RD-CONTEST or RD-VIEW (also
     *     for a unit, a contest or a source declared after that size)
     */
    public synchronized Timeline timeline(
            Optional<String> unitId, Optional<String> contestId, String viewName, OptionalLong at) {
        if (at.isPresent() && (at.getAsLong() < 1 || at.getAsLong() > store.logSize()))
            throw new UsageProblem(
                    ReadRule.RD_AT,
                    "the log has had sizes 1 to " + store.logSize() + " only; at=" + at.getAsLong()
                            + " is not one of them");
        Election e = state.election()
                .orElseThrow(() ->
                        new UsageProblem(ReadRule.RD_ELECTION, "no election is defined in this data directory yet"));
        String uid = unitId.orElse(e.rootUnitId());
        if (state.catalogue().unitIndex(uid) < 0)
            throw new UsageProblem(ReadRule.RD_UNIT, "unknown unit '" + uid + "'");
        String cid = contestId.orElse(e.contests().get(0).id());
        if (e.contestIndex(cid) < 0) throw new UsageProblem(ReadRule.RD_CONTEST, "unknown contest '" + cid + "'");
        View view = view(viewName);
        catchUp(Math.max(state.logSize(), at.orElse(0)));
        if (at.isEmpty()) return recorder.timeline(uid, cid, view, clock::timeOf);
        long n = at.getAsLong();
        if (n >= recorder.shapeSize() && n <= recorder.size())
            return recorder.timelineAt(uid, cid, view, n, clock::timeOf);
        return prefix(n, uid, cid, view);
    }

    /** The timeline of the log's first {@code n} entries, replayed apart: the election was shaped differently. */
    private Timeline prefix(long n, String uid, String cid, View view) {
        if (prefix == null || prefix.size() != n) {
            TimelineRecorder r = new TimelineRecorder();
            feed(r, n);
            prefix = r;
        }
        var e = prefix.replay().election();
        if (e.isEmpty())
            throw new UsageProblem(ReadRule.RD_ELECTION, "no election was defined when the log had " + n + " entries");
        if (prefix.replay().catalogue().unitIndex(uid) < 0)
            throw new UsageProblem(
                    ReadRule.RD_UNIT, "unit '" + uid + "' was not declared when the log had " + n + " entries");
        if (e.get().contestIndex(cid) < 0)
            throw new UsageProblem(
                    ReadRule.RD_CONTEST, "contest '" + cid + "' was not declared when the log had " + n + " entries");
        try {
            return prefix.timeline(uid, cid, view, clock::timeOf);
        } catch (IllegalArgumentException noSource) {
            throw new UsageProblem(
                    ReadRule.RD_VIEW, "view '" + view.wire() + "' had no source when the log had " + n + " entries");
        }
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
        feed(recorder, size);
        clock.catchUp(new CheckpointQueries(store));
    }

    /** Feeds {@code r} the entries past its size up to {@code size}. */
    private void feed(TimelineRecorder r, long size) {
        while (r.size() < size) {
            List<LogRow> rows = store.readLog(r.size(), (int) Math.min(PAGE, size - r.size()));
            if (rows.isEmpty()) break;
            for (LogRow row : rows) {
                if (row.idx() != r.size())
                    throw new IllegalStateException(
                            "log entry " + row.idx() + " read where entry " + r.size() + " was expected");
                List<Problem> problems = r.accept(row.body());
                if (!problems.isEmpty())
                    throw new IllegalStateException("log entry " + row.idx() + " does not replay: " + problems);
            }
        }
    }
}
