package org.veritally.web.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.Instance;
import org.veritally.server.intake.DuplicateRows;

/**
 * An election whose root has {@code children} units, each with two stations and an authority
 * sheet for each, for measuring the widest unit page. Seeded, so every run renders the same page.
 */
final class WideElection {
    private WideElection() {}

    static Instance open(Path dir, int children, long seed) {
        List<Choice> choices = new ArrayList<>();
        List<Candidate> cands = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            cands.add(new Candidate("K" + k, "Candidate " + (char) ('A' + k)));
            choices.add(new Choice("L" + k, "Line " + k, "K" + k));
        }
        Election e = new Election(
                "wide",
                "Wide election",
                "N",
                List.of("country", "municipality"),
                List.of(new Contest("C1", "Mayor", choices, cands)),
                0);
        List<Unit> units = new ArrayList<>();
        List<Station> stations = new ArrayList<>();
        units.add(new Unit("N", "Nation", 0, ""));
        for (int i = 0; i < children; i++) {
            units.add(new Unit("M" + i, "Municipality " + i, 1, "N"));
            for (int s = 0; s < 2; s++) stations.add(new Station("M" + i + "." + s, "Table " + s, "M" + i, 500));
        }
        Instance in = Instance.open(dir);
        var r = in.define()
                .define(
                        new Definition(
                                e, units, stations, List.of(new Source("auth", "Authority", SourceKind.AUTHORITY))),
                        "bench",
                        "wide");
        if (!r.problems().isEmpty())
            throw new IllegalStateException(r.problems().toString());
        SplittableRandom rnd = new SplittableRandom(seed);
        List<SheetRow> rows = new ArrayList<>();
        for (Station st : stations) {
            long[] v = new long[5];
            long valid = 0;
            for (int k = 0; k < 5; k++) valid += v[k] = rnd.nextInt(80);
            var counts = new SummaryCounts(500, valid + 7, valid, 5, 2);
            rows.add(new SheetRow(st.id(), Optional.of(new TallySheet(st.id(), "C1", "auth", counts, v)), List.of()));
        }
        var o = in.sequencer().submit(rows, "bench", new DuplicateRows(), true);
        if (!o.rejected().isEmpty())
            throw new IllegalStateException(o.rejected().get(0).toString());
        return in;
    }
}
