package org.veritally.server.asof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.veritally.core.tabulate.Tally;
import org.veritally.core.tabulate.TallyKey;
import org.veritally.server.state.ElectionState;

/**
 * Takes a {@link Snapshot} of a state that no one writes meanwhile (a replay's own state). The totals are
 * ordered by contest, view and unit and the copies by key, so a state gives the same bytes whoever takes it,
 * and a restore can find one tally or one copy by binary search where the file lies ({@link MappedSnapshot}).
 */
final class TakeSnapshot {
    private TakeSnapshot() {}

    /** The snapshot of {@code s}; {@code sparse} are the indices of its sparse entries so far, in log order. */
    static Snapshot of(ElectionState s, long[] sparse) {
        var cat = s.catalogue();
        var tab = s.tabulation();
        List<Map.Entry<TallyKey, Tally>> tallies =
                new ArrayList<>(tab.snapshot().entrySet());
        tallies.sort(Map.Entry.comparingByKey(Comparator.comparingInt(TallyKey::contest)
                .thenComparingInt(TallyKey::source)
                .thenComparingInt(TallyKey::unit)));
        int n = tallies.size();
        int[] contest = new int[n];
        int[] view = new int[n];
        int[] unit = new int[n];
        long[] counts = new long[6 * n];
        int[] voteStart = new int[n + 1];
        int votesLength = 0;
        for (var e : tallies) votesLength += e.getValue().votes().length;
        long[] votes = new long[votesLength];
        for (int i = 0; i < n; i++) {
            TallyKey k = tallies.get(i).getKey();
            Tally t = tallies.get(i).getValue();
            contest[i] = k.contest();
            view[i] = k.source();
            unit[i] = k.unit();
            long[] c = {t.stations(), t.registered(), t.ballots(), t.valid(), t.nulls(), t.blank()};
            System.arraycopy(c, 0, counts, 6 * i, 6);
            long[] v = t.votes();
            System.arraycopy(v, 0, votes, voteStart[i], v.length);
            voteStart[i + 1] = voteStart[i] + v.length;
        }
        int copies = s.sheets().size();
        var cp = new Snapshot.Copies(new long[copies], new long[copies], new long[copies], new long[copies]);
        int[] at = {0};
        s.sheets().forEach((key, entry, core, optional) -> cp.key()[at[0]++] = key);
        // sorted by key, so that a restore can read the copies in place by binary search (MappedSnapshot)
        Arrays.sort(cp.key());
        for (int i = 0; i < copies; i++) {
            long key = cp.key()[i];
            cp.entry()[i] = s.sheets().get(key);
            var d = s.sheets().digest(key);
            cp.core()[i] = d.core();
            cp.optional()[i] = d.optional();
        }
        int slots = cat.stationCount() * s.requireElection().contests().size();
        return new Snapshot(
                s.logSize(),
                s.range(),
                cat.unitCount(),
                cat.stationCount(),
                tab.sources(),
                sparse.clone(),
                new Snapshot.Totals(contest, view, unit, counts, voteStart, votes),
                cp,
                s.reconciliation().image(slots));
    }
}
