package org.veritally.server.asof;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Correction;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;

/** A log grown in several commits (each one signs a checkpoint), with a correction and disputed stations. */
public final class AsOfFixture {
    private AsOfFixture() {}

    public static Instance grown(Path dir, int stations, long seed) {
        var g = new SyntheticElection(stations, 2, 4, 3, seed);
        var d = g.definition();
        Instance in = Fixtures.defined(dir, d);
        List<TallySheet> sheets = Fixtures.sheets(g, d);
        int third = sheets.size() / 3;
        Fixtures.submit(in, sheets.subList(0, third));
        Fixtures.submit(in, sheets.subList(third, 2 * third));
        correct(in, sheets.get(1), "transcription error in the first row");
        Fixtures.submit(in, sheets.subList(2 * third, sheets.size()));
        correct(in, sheets.get(third + 2), "recount ordered by the district board");
        return in;
    }

    /** Supersedes the current copy of {@code s} with one that moves a vote from the first choice to the second. */
    static void correct(Instance in, TallySheet s, String reason) {
        long idx = in.store()
                .currentSheet(s.stationId(), s.contestId(), s.sourceId())
                .orElseThrow()
                .entryIdx();
        long[] v = s.votes().clone();
        v[0]--;
        v[1]++;
        var o = Fixtures.submit(
                in,
                new TallySheet(
                        s.stationId(),
                        s.contestId(),
                        s.sourceId(),
                        s.counts(),
                        v,
                        Optional.of(new Correction(idx, reason))));
        if (!o.rejected().isEmpty()) throw new AssertionError(o.rejected());
    }
}
