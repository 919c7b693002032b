package org.veritally.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.server.intake.Outcome;

/** Test helpers: open a data directory with a generated election, submit sheets. */
public final class Fixtures {
    private Fixtures() {}

    public static Instance defined(Path dir, Definition d) {
        Instance in = Instance.open(dir);
        var r = in.define().define(d, "test", "fixture");
        if (!r.problems().isEmpty()) throw new AssertionError(r.problems());
        return in;
    }

    public static List<TallySheet> sheets(SyntheticElection g, Definition d) {
        List<TallySheet> out = new ArrayList<>();
        g.sheets(d, out::add);
        return out;
    }

    public static SheetRow row(TallySheet s, String loc) {
        return new SheetRow(loc, Optional.of(s), List.of());
    }

    public static Outcome submit(Instance in, List<TallySheet> sheets) {
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < sheets.size(); i++) rows.add(row(sheets.get(i), "row " + (i + 1)));
        return in.sequencer().submit(rows, "test", new DuplicateRows(), false);
    }

    public static Outcome submit(Instance in, TallySheet... sheets) {
        return submit(in, List.of(sheets));
    }
}
