package org.veritally.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.Correction;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.store.Store;

/** {@code rebuild} recomputes every projection from the log, and the result equals the live one row for row. */
class RebuildTest {
    @TempDir
    Path dir;

    static List<String> dump(Store s) {
        return org.veritally.store.ProjectionDump.of(s);
    }

    String liveSummary;

    static String summary(Instance in) {
        var s = in.state().reconciliation().summary(in.state().catalogue().stationCount() * 2L);
        return s.agreed() + "/" + s.disputed() + "/" + java.util.Arrays.toString(s.singleBySource()) + "/"
                + s.missing();
    }

    @Test
    void rebuildReproducesTheLiveProjectionsExactly() {
        var g = new SyntheticElection(300, 2, 5, 3, 11);
        var d = g.definition();
        List<String> live;
        var liveTotals = new java.util.HashMap<Object, Object>();
        try (Instance in = Fixtures.defined(dir, d)) {
            List<TallySheet> sheets = Fixtures.sheets(g, d);
            Fixtures.submit(in, sheets.subList(0, 700));
            Fixtures.submit(
                    in,
                    sheets.subList(700, 1400).stream()
                            .filter(x -> x.sourceId().equals("authority")
                                    || x.stationId().hashCode() % 3 != 0)
                            .toList());
            Fixtures.submit(
                    in,
                    sheets.subList(1400, sheets.size()).stream()
                            .filter(x -> !x.sourceId().equals("party-a"))
                            .toList());
            TallySheet s = sheets.get(5);
            long idx = in.store()
                    .currentSheet(s.stationId(), s.contestId(), s.sourceId())
                    .orElseThrow()
                    .entryIdx();
            long[] v = s.votes();
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
                            Optional.of(new Correction(idx, "x"))));
            assertThat(o.rejected()).isEmpty();
            // some stations have one copy only (SINGLE: no station_status row; start-up derives them)
            live = dump(in.store());
            liveTotals.putAll(in.state().tabulation().snapshot());
            liveSummary = summary(in);
            assertThat(liveSummary).as("the test needs single-copy stations").doesNotContain("[0, 0, 0");
            in.rebuild();
            assertThat(dump(in.store())).isEqualTo(live);
            assertThat(in.state().tabulation().snapshot()).isEqualTo(liveTotals);
        }
        try (Instance again = Instance.open(dir)) {
            assertThat(summary(again))
                    .as("reconciliation counters after a restart")
                    .isEqualTo(liveSummary);
            assertThat(dump(again.store())).isEqualTo(live);
            assertThat(again.state().tabulation().snapshot()).isEqualTo(liveTotals);
        }
        assertThat(live).anyMatch(r -> r.startsWith("unit_total:")).anyMatch(r -> r.startsWith("sheet_current:"));
    }
}
