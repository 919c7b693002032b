package org.veritally.server.asof;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.core.tabulate.CandidateTotal;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.ReadRule;
import org.veritally.server.read.UsageProblem;
import org.veritally.server.state.ElectionState;
import org.veritally.store.LogRow;
import org.veritally.store.Store;

/**
 * Use case: what changed between two log sizes ({@link CheckpointDiff}). Both ends come from {@link
 * StatesAsOf} (the one replay); the sheets in between are read from the log itself, so a correction's
 * reason is the source's own words. The totals compared are those of the root and of the units of the
 * first level below it, ranked by how much they moved, at most {@value #TOP_UNITS} of them. Thread-safe.
 */
public final class DiffCheckpoints {
    /** The units below the root listed in {@code moved}, the ones that moved most. */
    public static final int TOP_UNITS = 10;

    private static final int PAGE = 20_000;
    private final Store store;
    private final StatesAsOf states;

    public DiffCheckpoints(Store store, StatesAsOf states) {
        this.store = store;
        this.states = states;
    }

    /**
     * The changes from size {@code from} to size {@code to}, lists cut at {@code limit}.
     *
     * @param view the view to compare totals in; empty: official if an authority is declared, else consensus
     * @throws UsageProblem {@code RD-AT} unless {@code 1 <= from < to <= } the log's size
     */
    public CheckpointDiff diff(long from, long to, Optional<String> view, int limit) {
        if (from >= to) throw new UsageProblem(ReadRule.RD_AT, "from (" + from + ") must be below to (" + to + ")");
        AsOf a = states.at(from);
        AsOf b = states.at(to);
        ElectionState sb = b.state();
        Election e = sb.election()
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_ELECTION, "no election is defined at size " + to));
        String v = view.orElse(sb.tabulation().authority().isPresent() ? "official" : "consensus");
        List<CheckpointDiff.SheetChange> added = new ArrayList<>();
        List<CheckpointDiff.SheetChange> corrected = new ArrayList<>();
        long addedCount = 0;
        long correctedCount = 0;
        Set<String> touched = new LinkedHashSet<>();
        for (long next = from; next < to; ) {
            List<LogRow> rows = store.readLog(next, (int) Math.min(PAGE, to - next));
            if (rows.isEmpty()) break;
            for (LogRow row : rows) {
                if (!"sheet".equals(row.kind())) continue;
                List<Problem> problems = new ArrayList<>();
                var entry = sb.codec().decode(row.body(), "log entry " + row.idx(), problems);
                var se = entry.flatMap(SheetEntry::of);
                if (se.isEmpty()) continue;
                var sh = se.get().sheet();
                var change = new CheckpointDiff.SheetChange(
                        row.idx(),
                        sh.stationId(),
                        sh.contestId(),
                        sh.sourceId(),
                        sh.correction().map(c -> c.supersedes()),
                        sh.correction().map(c -> c.reason()));
                touched.add(sh.stationId() + "\u0000" + sh.contestId());
                if (sh.correction().isPresent()) {
                    if (correctedCount++ < limit) corrected.add(change);
                } else if (addedCount++ < limit) added.add(change);
            }
            next += rows.size();
        }
        List<CheckpointDiff.StatusChange> disputed = new ArrayList<>();
        List<CheckpointDiff.StatusChange> settled = new ArrayList<>();
        long disputedCount = 0;
        long settledCount = 0;
        for (String key : touched) {
            int cut = key.indexOf('\u0000');
            String station = key.substring(0, cut);
            String contest = key.substring(cut + 1);
            StationStatus before = status(a.state(), station, contest);
            StationStatus after = status(sb, station, contest);
            var change = new CheckpointDiff.StatusChange(station, contest, before.name(), after.name());
            if (after == StationStatus.DISPUTED && before != StationStatus.DISPUTED) {
                if (disputedCount++ < limit) disputed.add(change);
            } else if (before == StationStatus.DISPUTED && after != StationStatus.DISPUTED) {
                if (settledCount++ < limit) settled.add(change);
            }
        }
        return new CheckpointDiff(
                from,
                to,
                v,
                addedCount,
                added,
                correctedCount,
                corrected,
                disputedCount,
                disputed,
                settledCount,
                settled,
                moved(a, b, e, v));
    }

    private static StationStatus status(ElectionState s, String station, String contest) {
        if (s.election().isEmpty()) return StationStatus.MISSING;
        int st = s.catalogue().stationIndex(station);
        int c = s.requireElection().contestIndex(contest);
        return st < 0 || c < 0 ? StationStatus.MISSING : s.reconciliation().status(st, c);
    }

    private static List<CheckpointDiff.TotalsMove> moved(AsOf a, AsOf b, Election e, String view) {
        String root = e.rootUnitId();
        List<CheckpointDiff.TotalsMove> out = new ArrayList<>();
        for (Contest c : e.contests()) {
            Optional<String> contest = Optional.of(c.id());
            out.add(move(before(a, root, contest, view), b.results().result(Optional.of(root), contest, view)));
            List<CheckpointDiff.TotalsMove> below = new ArrayList<>();
            for (UnitResult r : b.results().children(Optional.of(root), contest, view))
                below.add(move(before(a, r.unit(), contest, view), r));
            below.removeIf(m -> m.magnitude() == 0);
            below.sort(Comparator.comparingLong(CheckpointDiff.TotalsMove::magnitude)
                    .reversed()
                    .thenComparing(CheckpointDiff.TotalsMove::unit));
            out.addAll(below.subList(0, Math.min(TOP_UNITS, below.size())));
        }
        return out;
    }

    /** The unit's result at the earlier size; empty where the unit, the election or the view did not exist yet. */
    private static Optional<UnitResult> before(AsOf a, String unit, Optional<String> contest, String view) {
        var s = a.state();
        if (s.election().isEmpty() || s.catalogue().unitIndex(unit) < 0) return Optional.empty();
        try {
            return Optional.of(a.results().result(Optional.of(unit), contest, view));
        } catch (UsageProblem e) { // the view's source was declared later
            return Optional.empty();
        }
    }

    private static CheckpointDiff.TotalsMove move(Optional<UnitResult> before, UnitResult after) {
        Map<String, Long> was = new HashMap<>();
        before.ifPresent(r -> r.candidates().forEach(c -> was.put(c.id(), c.votes())));
        List<CheckpointDiff.ChoiceMove> choices = new ArrayList<>();
        for (CandidateTotal c : after.candidates()) {
            long old = was.getOrDefault(c.id(), 0L);
            choices.add(new CheckpointDiff.ChoiceMove(c.id(), c.name(), old, c.votes(), c.votes() - old));
        }
        return new CheckpointDiff.TotalsMove(
                after.unit(),
                after.unitName(),
                after.contest(),
                before.map(UnitResult::stationsReporting).orElse(0L),
                after.stationsReporting(),
                before.map(UnitResult::validVotes).orElse(0L),
                after.validVotes(),
                choices);
    }
}
