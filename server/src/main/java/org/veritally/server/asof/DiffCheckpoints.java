package org.veritally.server.asof;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.core.tabulate.CandidateTotal;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.core.transcribe.Figures;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.ReadRule;
import org.veritally.server.read.UsageProblem;
import org.veritally.server.state.ElectionState;
import org.veritally.store.LogRow;
import org.veritally.store.Store;

/**
 * Use case: what changed between two log sizes ({@link CheckpointDiff}). Both ends come from {@link
 * StatesAsOf} (the one replay); the copies in between are read from the log itself, so a correction's
 * reason is the source's own words: each {@code sheet} entry, and each {@code transcription} entry whose
 * agreement gave the photo's source its copy (the copy stands at that entry's index, docs/log-format.md
 * §5.9), listed as added by that source. The totals compared are those of the root and of the units of the
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
        List<CheckpointDiff.SheetChange> transcribed = new ArrayList<>();
        Set<Long> supersededInRange = new HashSet<>();
        long addedCount = 0;
        long correctedCount = 0;
        Set<String> touched = new LinkedHashSet<>();
        for (long next = from; next < to; ) {
            List<LogRow> rows = store.readLog(next, (int) Math.min(PAGE, to - next));
            if (rows.isEmpty()) break;
            for (LogRow row : rows) {
                boolean sheet = "sheet".equals(row.kind());
                if (!sheet && !"transcription".equals(row.kind())) continue;
                List<Problem> problems = new ArrayList<>();
                var entry = sb.codec().decode(row.body(), "log entry " + row.idx(), problems);
                if (entry.isEmpty()) continue;
                if (!sheet) { // a copy only if its agreement made one: decided below, from the state at `to`
                    entry.flatMap(Figures::of)
                            .filter(sh -> completes(sb, row.idx(), sh))
                            .ifPresent(sh -> transcribed.add(change(row.idx(), sh, "transcription")));
                    continue;
                }
                var sh = SheetEntry.of(entry.get()).orElseThrow().sheet();
                var change = change(row.idx(), sh, "sheet");
                touched.add(sh.stationId() + "\u0000" + sh.contestId());
                sh.correction().ifPresent(c -> supersededInRange.add(c.supersedes()));
                if (sh.correction().isPresent()) {
                    if (correctedCount++ < limit) corrected.add(change);
                } else if (addedCount++ < limit) added.add(change);
            }
            next += rows.size();
        }
        // A completed agreement yields a copy unless the source had one: the copy is the current one at `to`,
        // or one a correction of the range superseded (an agreed copy never supersedes, so it is always added).
        transcribed.removeIf(t -> !supersededInRange.contains(t.index()) && !current(sb, t));
        for (var t : transcribed) touched.add(t.station() + "\u0000" + t.contest());
        addedCount += transcribed.size();
        added = merged(added, transcribed, limit);
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

    private static CheckpointDiff.SheetChange change(long index, TallySheet sh, String entry) {
        return new CheckpointDiff.SheetChange(
                index,
                sh.stationId(),
                sh.contestId(),
                sh.sourceId(),
                entry,
                sh.correction().map(c -> c.supersedes()),
                sh.correction().map(c -> c.reason()));
    }

    /**
     * Whether the transcription at {@code index} is the work that brought its photo to AGREED or SETTLED in
     * the state at {@code to} (the last work an agreed or settled photo takes): the rulebook's own outcome,
     * as the replay recorded it, not a second reading of the agreement rule.
     */
    private static boolean completes(ElectionState s, long index, TallySheet sh) {
        var key = new PhotoKey(sh.evidence().orElse(""), sh.stationId(), sh.sourceId());
        return s.transcriptions()
                .photo(key)
                .filter(w -> w.status() == PhotoStatus.AGREED || w.status() == PhotoStatus.SETTLED)
                .filter(w ->
                        !w.work().isEmpty() && w.work().get(w.work().size() - 1).index() == index)
                .isPresent();
    }

    /** Whether the copy of {@code t}'s station × contest × source at {@code s} stands at {@code t}'s index. */
    private static boolean current(ElectionState s, CheckpointDiff.SheetChange t) {
        int st = s.catalogue().stationIndex(t.station());
        int c = s.requireElection().contestIndex(t.contest());
        int src = s.tabulation().sourceIndex(t.source());
        return st >= 0 && c >= 0 && src >= 0 && s.sheets().get(CopyKey.of(st, c, src)) == t.index();
    }

    /** The first {@code limit} of two lists each in index order, in index order. */
    private static List<CheckpointDiff.SheetChange> merged(
            List<CheckpointDiff.SheetChange> a, List<CheckpointDiff.SheetChange> b, int limit) {
        if (b.isEmpty()) return a;
        List<CheckpointDiff.SheetChange> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparingLong(CheckpointDiff.SheetChange::index));
        return new ArrayList<>(all.subList(0, Math.min(limit, all.size())));
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
