package org.veritally.server.integrity;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.veritally.core.model.Catalogue;
import org.veritally.core.tabulate.Tally;
import org.veritally.core.tabulate.TallyKey;
import org.veritally.server.state.ElectionState;

/**
 * What start-up restored instead of replaying the log (issue 15: a snapshot of the state of log size {@code size}
 * over the catalogue image), to be compared by the integrity check with its own replay of the log at that size
 * ({@code INTEG-START}). A snapshot and an image carry their own SHA-256, which someone able to rewrite the file can
 * rewrite too; only the log is vouched for by the signed checkpoint, so the state they gave is checked against it.
 *
 * @param size the log size of the snapshot restored
 * @param restore the state of that snapshot restored again (it is read in place, so this costs little), or empty
 *     when it can no longer be restored
 */
public record RestoredState(long size, Supplier<Optional<ElectionState>> restore) {
    /**
     * The first difference between the state {@code rebuilt} by the replay of the log's first {@link #size} entries
     * and the state restored from the snapshot, part by part: the catalogue (units, then stations), the sources,
     * the tallies, the current copies, the reconciliation, the announcements and the evidence; or empty.
     */
    public Optional<Mismatch> compare(ElectionState rebuilt) {
        Optional<ElectionState> got = restore.get();
        if (got.isEmpty() || got.get().logSize() != size)
            return mismatch("snapshot", "the snapshot of log size " + size + " start-up restored cannot be restored");
        ElectionState r = got.get();
        Optional<Mismatch> m = catalogue(rebuilt.catalogue(), r.catalogue());
        if (m.isPresent()) return m;
        if (!rebuilt.tabulation().sources().equals(r.tabulation().sources()))
            return mismatch(
                    "sources",
                    "the log gives " + rebuilt.tabulation().sources() + ", the snapshot "
                            + r.tabulation().sources());
        m = tallies(rebuilt.tabulation().snapshot(), r.tabulation().snapshot());
        if (m.isPresent()) return m;
        m = copies(rebuilt, r);
        if (m.isPresent()) return m;
        int slots = rebuilt.catalogue().stationCount()
                * rebuilt.requireElection().contests().size();
        var w = rebuilt.reconciliation().image(slots);
        var g = r.reconciliation().image(slots);
        if (!Arrays.equals(w.status(), g.status())
                || !Arrays.equals(w.consensus(), g.consensus())
                || w.agreed() != g.agreed()
                || w.disputed() != g.disputed()
                || !Arrays.equals(w.singleBySource(), g.singleBySource()))
            return mismatch("reconciliation", "the snapshot's reconciliation is not the log's");
        if (!rebuilt.announcements().equals(r.announcements()))
            return mismatch("announcements", "the snapshot's announcements are not the log's");
        if (rebuilt.evidenceCount() != r.evidenceCount())
            return mismatch(
                    "evidence",
                    "the log gives " + rebuilt.evidenceCount() + " pieces, the snapshot " + r.evidenceCount());
        return Optional.empty();
    }

    private Optional<Mismatch> catalogue(Catalogue want, Catalogue got) {
        if (want.unitCount() != got.unitCount() || want.stationCount() != got.stationCount())
            return mismatch(
                    "catalogue",
                    "the log gives " + want.unitCount() + " units and " + want.stationCount() + " stations, the image "
                            + got.unitCount() + " and " + got.stationCount());
        for (int u = 0; u < want.unitCount(); u++)
            if (!want.unit(u).equals(got.unit(u)))
                return mismatch("catalogue unit " + u, "the log gives " + want.unit(u) + ", the image " + got.unit(u));
        for (int i = 0; i < want.stationCount(); i++)
            if (!want.station(i).equals(got.station(i)))
                return mismatch(
                        "catalogue station " + i, "the log gives " + want.station(i) + ", the image " + got.station(i));
        return Optional.empty();
    }

    private Optional<Mismatch> tallies(Map<TallyKey, Tally> want, Map<TallyKey, Tally> got) {
        for (var e : want.entrySet()) {
            Tally g = got.get(e.getKey());
            if (!e.getValue().equals(g))
                return mismatch("tally " + e.getKey(), "the log gives " + e.getValue() + ", the snapshot " + g);
        }
        for (var k : got.keySet())
            if (!want.containsKey(k)) return mismatch("tally " + k, "the snapshot holds a tally the log does not give");
        return Optional.empty();
    }

    private Optional<Mismatch> copies(ElectionState want, ElectionState got) {
        if (want.sheets().size() != got.sheets().size())
            return mismatch(
                    "current copies",
                    "the log gives " + want.sheets().size() + ", the snapshot "
                            + got.sheets().size());
        String[] first = {null};
        want.sheets().forEach((key, entry, core, optional) -> {
            if (first[0] != null) return;
            long e = got.sheets().get(key);
            if (e != entry) first[0] = "copy " + key + ": the log gives entry " + entry + ", the snapshot " + e;
            else {
                var d = got.sheets().digest(key);
                if (d.core() != core || d.optional() != optional)
                    first[0] = "copy " + key + " (entry " + entry + "): the snapshot's digest is not the log's";
            }
        });
        return first[0] == null ? Optional.empty() : mismatch("current copies", first[0]);
    }

    private Optional<Mismatch> mismatch(String what, String detail) {
        return Optional.of(
                new Mismatch(IntegrityRule.INTEG_START, "restored state of log size " + size + ", " + what, detail));
    }
}
