package org.veritally.formats.replay;

import java.util.ArrayList;
import java.util.List;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Denominator;
import org.veritally.core.model.Election;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.Tally;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonBytes;

/**
 * The published totals of one contest × view at one log size, as a canonical JSON file
 * ({@code results/<contest>/official.json}, {@code consensus.json}, {@code source/<id>.json}):
 * {@code {contest, view, logSize, units: {<unit id>: {stations, stationsTotal, registered,
 * registeredVotersTotal, ballots, valid, null, blank, votes: [per choice, ballot order]}}}}, without
 * a trailing newline (docs/log-format.md §7). {@code stationsTotal} and {@code
 * registeredVotersTotal} are the catalogue's stations and registered voters below the unit (the
 * catalogue's coverage). Where the election declares a unit's universe, the unit also has {@code
 * stationsUniverse} and {@code registeredUniverse}, the declared figures, which coverage then divides
 * by (docs/coverage.md); {@code verify} recomputes them with the rest (VFY-TOTALS). Units with no
 * station reporting in the view are omitted. {@code
 * official.json} exists only when an authority source is declared; every declared source has its
 * file in every contest, even with no sheet there (then {@code units} is empty). Stateless.
 */
public final class ResultsJson {
    private ResultsJson() {}

    /** One published file: its path under the publication root, and its bytes. */
    public record File(String path, byte[] bytes) {}

    /** Every results file for the tabulation: each contest × (official, consensus, each source). */
    public static List<File> all(Election e, Catalogue cat, Tabulation tab, long logSize) {
        List<File> out = new ArrayList<>();
        int[] byId = unitsById(cat);
        for (int c = 0; c < e.contests().size(); c++) {
            String cid = e.contests().get(c).id();
            var auth = tab.authority();
            if (auth.isPresent())
                out.add(new File(
                        "results/" + cid + "/official.json",
                        encode(
                                e,
                                cid,
                                "official",
                                logSize,
                                cat,
                                byId,
                                tab,
                                c,
                                tab.sourceIndex(auth.get().id()))));
            out.add(new File(
                    "results/" + cid + "/consensus.json",
                    encode(e, cid, "consensus", logSize, cat, byId, tab, c, Tabulation.CONSENSUS)));
            for (var s : tab.sources()) {
                out.add(new File(
                        "results/" + cid + "/source/" + s.id() + ".json",
                        encode(e, cid, "source:" + s.id(), logSize, cat, byId, tab, c, tab.sourceIndex(s.id()))));
            }
        }
        return out;
    }

    /** The catalogue's unit indices in the order of their ids (RFC 8785 §3.2.3: UTF-16 code units). */
    private static int[] unitsById(Catalogue cat) {
        Integer[] order = new Integer[cat.unitCount()];
        for (int u = 0; u < order.length; u++) order[u] = u;
        String[] ids = new String[order.length];
        for (int u = 0; u < ids.length; u++) ids[u] = cat.unit(u).id();
        java.util.Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) out[i] = order[i];
        return out;
    }

    /**
     * Writes the file straight into canonical form rather than through a tree for {@link
     * CanonicalJson#encode}: members in the order RFC 8785 §3.2.3 sorts them (root: contest, logSize,
     * units, view; a unit: ballots, blank, null, registered, registeredVotersTotal, stations,
     * stationsTotal, valid, votes), units in the order of their ids. {@code ResultsJsonTest} checks the
     * bytes against the tree encoding.
     */
    static byte[] encode(
            Election e,
            String contest,
            String view,
            long logSize,
            Catalogue cat,
            int[] byId,
            Tabulation tab,
            int c,
            int source) {
        var sb = new JsonBytes(1024);
        sb.raw("{\"contest\":").string(contest);
        member(sb, ",\"logSize\":", logSize);
        sb.raw(",\"units\":{");
        boolean first = true;
        for (int u : byId) {
            Tally t = tab.tally(c, source, u);
            if (t.stations() == 0) continue;
            if (!first) sb.raw(',');
            first = false;
            sb.string(cat.unit(u).id());
            member(sb, ":{\"ballots\":", t.ballots());
            member(sb, ",\"blank\":", t.blank());
            member(sb, ",\"null\":", t.nulls());
            // a declared universe's members sort between the catalogue's (RFC 8785 §3.2.3: 'U' < 'V', 'T' < 'U')
            var d = Denominator.of(e, cat, u);
            member(sb, ",\"registered\":", t.registered());
            if (d.declared()) member(sb, ",\"registeredUniverse\":", d.registered());
            member(sb, ",\"registeredVotersTotal\":", cat.registeredBelow(u));
            member(sb, ",\"stations\":", t.stations());
            member(sb, ",\"stationsTotal\":", cat.stationsBelow(u));
            if (d.declared()) member(sb, ",\"stationsUniverse\":", d.stations());
            member(sb, ",\"valid\":", t.valid());
            sb.raw(",\"votes\":[");
            long[] votes = t.votes();
            for (int i = 0; i < votes.length; i++) {
                if (i > 0) sb.raw(',');
                integer(sb, votes[i]);
            }
            sb.raw("]}");
        }
        sb.raw("},\"view\":").string(view).raw('}');
        return sb.toByteArray();
    }

    private static void member(JsonBytes sb, String nameAndColon, long value) {
        integer(sb.raw(nameAndColon), value);
    }

    /** An integer as {@link CanonicalJson#integer} writes it: one beyond ±(2^53 − 1) has no exact JSON number. */
    private static void integer(JsonBytes sb, long n) {
        if (Math.abs(n) > CanonicalJson.MAX_SAFE) throw new IllegalArgumentException("integer outside ±2^53: " + n);
        sb.number(n);
    }
}
