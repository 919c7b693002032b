package org.veritally.server.asof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.reconcile.CopyDigest;
import org.veritally.core.tabulate.Tally;
import org.veritally.core.tabulate.TallyKey;
import org.veritally.server.state.CurrentSheetIndex;
import org.veritally.server.state.ElectionState;
import org.veritally.server.state.ReconciliationState;

/**
 * Takes a {@link Snapshot} layer of a state that no one writes meanwhile (a replay's own state). The totals are
 * ordered by contest, view and unit and the copies by key, so a state gives the same bytes whoever takes it,
 * and a restore can find one tally or one copy by binary search where the file lies ({@link MappedSnapshot}).
 */
final class TakeSnapshot {
    private TakeSnapshot() {}

    /** The whole state {@code s} (a layer of base 0); {@code sparse}: its sparse entries so far, in log order. */
    static Snapshot of(ElectionState s, long[] sparse) {
        return layer(s, 0, Optional.empty(), sparse, Snapshot.Slots.empty(0));
    }

    /**
     * The layer of {@code s} over the state of size {@code base}: {@code s} was restored from {@code from} (a
     * stack whose layers reach down to {@code base} exactly, or empty when {@code s} was replayed from entry 0
     * and {@code base} is 0) and replayed since, so what changed since {@code base} is what the layers of
     * {@code from} above {@code base} hold, overwritten by what the replay changed ({@code s}'s own maps).
     *
     * @param sparse the sparse entries in [base, size), in log order
     * @param below the reconciliation of the state of size {@code base} (the slots of the layer differ from it)
     */
    static Snapshot layer(
            ElectionState s, long base, Optional<MappedSnapshot> from, long[] sparse, ReconciliationState.Image below) {
        List<MappedSnapshot> above = new ArrayList<>();
        if (from.isPresent()) {
            for (MappedSnapshot m : from.get().layers()) {
                if (m.size() <= base) break;
                above.add(0, m); // the oldest first, so that a newer value replaces it
            }
            if (!above.isEmpty() && above.get(0).base() != base)
                throw new IllegalArgumentException("the layers restored do not reach down to " + base);
            if (above.isEmpty() && from.get().size() != base)
                throw new IllegalArgumentException("restored at " + from.get().size() + ", not over " + base);
        } else if (base != 0) throw new IllegalArgumentException("a state replayed from entry 0 over " + base);
        Map<TallyKey, Tally> tallies = new HashMap<>();
        // a state replayed from entry 0 holds every copy in its own index: no second index of them is built
        var copies = from.isEmpty() ? s.sheets() : new CurrentSheetIndex();
        for (MappedSnapshot m : above) {
            m.forEachOwnTally(tallies::put);
            m.forEachOwnCopy((k, e, c, o) -> copies.put(k, e, new CopyDigest(c, o)));
        }
        tallies.putAll(s.tabulation().changed());
        if (from.isPresent()) s.sheets().forEachPut((k, e, c, o) -> copies.put(k, e, new CopyDigest(c, o)));
        var cat = s.catalogue();
        int slots = cat.stationCount() * s.requireElection().contests().size();
        return new Snapshot(
                s.logSize(),
                base,
                s.range(),
                cat.unitCount(),
                cat.stationCount(),
                s.tabulation().sources(),
                sparse.clone(),
                totals(tallies),
                copies(copies),
                s.sheets().size(),
                Snapshot.Slots.changed(s.reconciliation().image(slots), below));
    }

    private static Snapshot.Totals totals(Map<TallyKey, Tally> changed) {
        List<Map.Entry<TallyKey, Tally>> tallies = new ArrayList<>(changed.entrySet());
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
        return new Snapshot.Totals(contest, view, unit, counts, voteStart, votes);
    }

    private static Snapshot.Copies copies(CurrentSheetIndex index) {
        int n = index.size();
        var cp = new Snapshot.Copies(new long[n], new long[n], new long[n], new long[n]);
        int[] at = {0};
        index.forEach((key, entry, core, optional) -> cp.key()[at[0]++] = key);
        // sorted by key, so that a restore can read the copies in place by binary search (MappedSnapshot)
        Arrays.sort(cp.key());
        for (int i = 0; i < n; i++) {
            long key = cp.key()[i];
            cp.entry()[i] = index.get(key);
            var d = index.digest(key);
            cp.core()[i] = d.core();
            cp.optional()[i] = d.optional();
        }
        return cp;
    }
}
