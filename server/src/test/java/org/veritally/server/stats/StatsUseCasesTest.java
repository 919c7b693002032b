package org.veritally.server.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.formats.Definition;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.read.UsageProblem;
import org.veritally.stats.quickcount.ConsistentSampler;
import org.veritally.stats.quickcount.FrameStation;
import org.veritally.stats.quickcount.SamplePlan;

/** ReadQuickCount and ReadForensics on a generated election of 600 stations with one source. */
class StatsUseCasesTest {
    static final long SEED = 21;

    @TempDir
    Path dir;

    Instance in;
    Definition d;
    List<TallySheet> sheets;

    @BeforeEach
    void setUp() {
        var g = new SyntheticElection(600, 1, 4, 1, SEED);
        d = g.definition();
        in = Fixtures.defined(dir, d);
        sheets = Fixtures.sheets(g, d);
    }

    @AfterEach
    void close() {
        in.close();
    }

    /** The frame an observer would build by hand from the published catalogue: station, its region. */
    List<FrameStation> naiveFrame() {
        Map<String, Unit> units = new HashMap<>();
        d.units().forEach(u -> units.put(u.id(), u));
        List<FrameStation> frame = new ArrayList<>();
        for (var s : d.stations()) {
            Unit u = units.get(s.unitId());
            while (u.level() > 1) u = units.get(u.parentId());
            frame.add(new FrameStation(s.id(), u.id()));
        }
        return frame;
    }

    @Test
    void ST_QC_sampleIsTheObserversOwnRedrawAndDoesNotDependOnArrivals() {
        var qc = new ReadQuickCount(in);
        ViewQuickCount none = qc.run("dice 3-1-4-1-5", 120, Optional.empty(), Optional.empty(), "official", 1.96);
        assertThat(none.estimate()).isEmpty();
        assertThat(none.received()).isEmpty();
        SamplePlan byHand = ConsistentSampler.plan("dice 3-1-4-1-5", naiveFrame(), 120);
        assertThat(none.plan()).isEqualTo(byHand);

        assertThat(Fixtures.submit(in, sheets.subList(0, 300)).rejected()).isEmpty();
        ViewQuickCount half = qc.run("dice 3-1-4-1-5", 120, Optional.of("region"), Optional.of("C1"), "official", 1.96);
        assertThat(half.plan()).isEqualTo(byHand);
        long expectedIn = byHand.stations().stream()
                .filter(s -> Integer.parseInt(s.stationId().substring(1)) < 300)
                .count();
        assertThat(half.received()).hasSize((int) expectedIn);
        assertThat(half.estimate())
                .hasValueSatisfying(e -> assertThat(e.received()).isEqualTo((int) expectedIn));
    }

    @Test
    void ST_QC_withEverySheetInTheIntervalCoversTheCountAndIsComparedWithTheOfficialShares() {
        assertThat(Fixtures.submit(in, sheets).rejected()).isEmpty();
        ViewQuickCount q = new ReadQuickCount(in)
                .run("lottery 2024-07-27 #48213", 150, Optional.empty(), Optional.empty(), "official", 2.58);
        var e = q.estimate().orElseThrow();
        assertThat(e.received()).isEqualTo(150);
        var official = in.results().result(Optional.empty(), Optional.empty(), "official");
        assertThat(q.comparisons()).extracting(ViewQuickCount.ShareCheck::view).containsExactly("official");
        var check = q.comparisons().get(0);
        assertThat(check.stationsReporting()).isEqualTo(600);
        for (int c = 0; c < q.candidates().size(); c++) {
            String id = q.candidates().id(c);
            long votes = official.candidates().stream()
                    .filter(x -> x.id().equals(id))
                    .findFirst()
                    .orElseThrow()
                    .votes();
            double share = (double) votes / official.validVotes();
            assertThat(check.shares().get(c).announced()).isCloseTo(share, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(e.candidates().get(c).contains(share))
                    .as("99%% interval of %s covers the full count", id)
                    .isTrue();
            assertThat(check.shares().get(c).inside()).isTrue();
        }
        System.out.printf(
                "ST-QC synthetic (seed %d): %s %.2f%% [%.2f, %.2f] vs official %.2f%%%n",
                SEED,
                e.candidates().get(0).candidateId(),
                100 * e.candidates().get(0).share(),
                100 * e.candidates().get(0).low(),
                100 * e.candidates().get(0).high(),
                100 * check.shares().get(0).announced());
    }

    @Test
    void ST_PARAM_badQuickCountParametersAreRefusedWithTheRule() {
        var qc = new ReadQuickCount(in);
        assertThatThrownBy(() -> qc.run(" ", 10, Optional.empty(), Optional.empty(), "official", 1.96))
                .isInstanceOf(StatsParameterProblem.class);
        assertThatThrownBy(() -> qc.run("s", 0, Optional.empty(), Optional.empty(), "official", 1.96))
                .hasMessageContaining("1..600");
        assertThatThrownBy(() -> qc.run("s", 601, Optional.empty(), Optional.empty(), "official", 1.96))
                .isInstanceOf(StatsParameterProblem.class);
        assertThatThrownBy(() -> qc.run("s", 10, Optional.empty(), Optional.empty(), "official", 0))
                .isInstanceOf(StatsParameterProblem.class);
        assertThatThrownBy(() -> qc.run("s", 10, Optional.of("galaxy"), Optional.empty(), "official", 1.96))
                .isInstanceOf(StatsParameterProblem.class)
                .hasMessageStartingWith("ST-PARAM: unknown strata level 'galaxy'");
    }

    @Test
    void forensicsNeedSheetsAndAreReusedUntilTheLogGrows() {
        var f = new ReadForensics(in);
        assertThatThrownBy(() -> f.run(Optional.empty(), "official", 1))
                .isInstanceOfSatisfying(
                        UsageProblem.class, e -> assertThat(e.rule().id()).isEqualTo("ST-NODATA"));
        assertThat(Fixtures.submit(in, sheets.subList(0, 500)).rejected()).isEmpty();
        ViewForensics first = f.run(Optional.empty(), "official", 1);
        assertThat(first.stations()).isEqualTo(500);
        assertThat(first.report().totals().valid())
                .isEqualTo(in.results()
                        .result(Optional.empty(), Optional.empty(), "official")
                        .validVotes());
        assertThat(f.run(Optional.of("C1"), "official", 1)).isSameAs(first);
        assertThat(f.run(Optional.of("C1"), "official", 2)).isNotSameAs(first);
        assertThat(Fixtures.submit(in, sheets.subList(500, 600)).rejected()).isEmpty();
        assertThat(f.run(Optional.empty(), "official", 1).stations()).isEqualTo(600);
        String svg = ReadForensics.fingerprintSvg(first);
        assertThat(svg).startsWith("<svg").contains("<title>Contest C1, view official: turnout and Candidate ");
    }
}
