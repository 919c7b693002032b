package org.veritally.formats.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.Tally;
import org.veritally.formats.canonical.CanonicalJson;

/**
 * The published totals of one contest × view at one log size, as a canonical JSON file
 * ({@code results/<contest>/official.json}, {@code consensus.json}, {@code source/<id>.json}):
 * {@code {contest, view, logSize, units: {<unit id>: {stations, stationsTotal, registered,
 * registeredVotersTotal, ballots, valid, null, blank, votes: [per choice, ballot order]}}}}, without
 * a trailing newline (docs/log-format.md §7). {@code stationsTotal} and {@code
 * registeredVotersTotal} are the catalogue's stations and registered voters below the unit (the
 * coverage a reader divides by). Units with no station reporting in the view are omitted. {@code
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
        for (int c = 0; c < e.contests().size(); c++) {
            String cid = e.contests().get(c).id();
            var auth = tab.authority();
            if (auth.isPresent())
                out.add(new File(
                        "results/" + cid + "/official.json",
                        encode(
                                cid,
                                "official",
                                logSize,
                                cat,
                                tab,
                                c,
                                tab.sourceIndex(auth.get().id()))));
            out.add(new File(
                    "results/" + cid + "/consensus.json",
                    encode(cid, "consensus", logSize, cat, tab, c, Tabulation.CONSENSUS)));
            for (var s : tab.sources()) {
                out.add(new File(
                        "results/" + cid + "/source/" + s.id() + ".json",
                        encode(cid, "source:" + s.id(), logSize, cat, tab, c, tab.sourceIndex(s.id()))));
            }
        }
        return out;
    }

    static byte[] encode(String contest, String view, long logSize, Catalogue cat, Tabulation tab, int c, int source) {
        Map<String, Object> units = new TreeMap<>();
        for (int u = 0; u < cat.unitCount(); u++) {
            Tally t = tab.tally(c, source, u);
            if (t.stations() == 0) continue;
            var m = new LinkedHashMap<String, Object>();
            m.put("stations", t.stations());
            m.put("stationsTotal", cat.stationsBelow(u));
            m.put("registered", t.registered());
            m.put("registeredVotersTotal", cat.registeredBelow(u));
            m.put("ballots", t.ballots());
            m.put("valid", t.valid());
            m.put("null", t.nulls());
            m.put("blank", t.blank());
            List<Object> votes = new ArrayList<>();
            for (long v : t.votes()) votes.add(v);
            m.put("votes", votes);
            units.put(cat.unit(u).id(), m);
        }
        var root = new LinkedHashMap<String, Object>();
        root.put("contest", contest);
        root.put("view", view);
        root.put("logSize", logSize);
        root.put("units", units);
        return CanonicalJson.encode(root);
    }
}
