package org.veritally.formats.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.Tally;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.testkit.Seeds;

/**
 * ResultsJson writes its files straight into canonical form; a reference encoding through a tree and
 * {@link CanonicalJson#encode} (RFC 8785) must give the same bytes, for unit ids whose sort order
 * differs from their declaration order (digits, upper before lower case, punctuation).
 */
class ResultsJsonTest {
    static final Contest C = new Contest(
            "C",
            "Contest",
            List.of(new Choice("x", "X", "X"), new Choice("y", "Y", "Y")),
            List.of(new Candidate("X", "X"), new Candidate("Y", "Y")));

    @Test
    void directEncodingEqualsTheTreeEncodingOfRfc8785() {
        long seed = Seeds.seed("results-json", 8785);
        Random rnd = new Random(seed);
        Election el = new Election("e", "E", "R", List.of("country", "district"), List.of(C), 0);
        Catalogue cat = new Catalogue();
        Tabulation tab = new Tabulation(el, cat);
        cat.addUnit(new Unit("R", "Root", 0, ""));
        String[] districts = {"b", "A", "a", "Z9", "z10", "_x", "D-1", "D.0", "D:2", "0", "Dz", "D_"};
        for (String d : districts) cat.addUnit(new Unit(d, d, 1, "R"));
        int stations = 0;
        for (String d : districts) {
            if (d.equals("_x")) continue; // a unit with no station: omitted
            for (int i = 0; i < 3; i++) cat.addStation(new Station(d + "s" + i, "s", d, 100 + rnd.nextInt(900)));
            stations += 3;
        }
        tab.addSource(new Source("auth", "Authority", SourceKind.AUTHORITY));
        var batch = tab.begin();
        for (int s = 0; s < stations; s++) {
            if (rnd.nextInt(4) == 0) continue; // some stations not in
            long x = rnd.nextInt(300), y = rnd.nextInt(300);
            long blank = rnd.nextBoolean() ? SummaryCounts.ABSENT : rnd.nextInt(5);
            var counts = new SummaryCounts(SummaryCounts.ABSENT, SummaryCounts.ABSENT, x + y, rnd.nextInt(9), blank);
            batch.add(new TallySheet(cat.station(s).id(), "C", "auth", counts, new long[] {x, y}), Optional.empty());
        }
        batch.publish();

        List<ResultsJson.File> files = ResultsJson.all(el, cat, tab, 1234);

        assertThat(files).hasSize(3); // official, consensus, source:auth
        int views = 0;
        for (ResultsJson.File f : files) {
            int view = f.path().endsWith("consensus.json") ? Tabulation.CONSENSUS : 0;
            String name = f.path().endsWith("official.json")
                    ? "official"
                    : view == Tabulation.CONSENSUS ? "consensus" : "source:auth";
            assertThat(new String(f.bytes(), StandardCharsets.UTF_8))
                    .as("%s (seed %d)", f.path(), seed)
                    .isEqualTo(new String(reference(name, 1234, cat, tab, view), StandardCharsets.UTF_8));
            views++;
        }
        assertThat(views).isEqualTo(3);
    }

    /** The encoding as it was: a tree of maps and lists, canonicalised by CanonicalJson. */
    static byte[] reference(String view, long logSize, Catalogue cat, Tabulation tab, int source) {
        Map<String, Object> units = new TreeMap<>();
        for (int u = 0; u < cat.unitCount(); u++) {
            Tally t = tab.tally(0, source, u);
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
        root.put("contest", "C");
        root.put("view", view);
        root.put("logSize", logSize);
        root.put("units", units);
        return CanonicalJson.encode(root);
    }
}
