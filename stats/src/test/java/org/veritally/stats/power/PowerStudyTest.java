package org.veritally.stats.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.stats.RuleId;

/** The power study at a small size (seconds); the full size runs from bench/power-study.sh. */
class PowerStudyTest {

    @Test
    void ST_INTPCT_TURNOUT_powerStudySmallSizeMeasuresEveryCheck() {
        long seed = 20161;
        System.out.println("power study seed " + seed);
        PowerStudy.Result r = PowerStudy.run(1000, 6, List.of(0.05, 0.20), 0.01, seed, 100);
        System.out.println(PowerTable.markdown(r));
        assertThat(r.rows()).hasSize(1 + 4 * 2);
        for (PowerStudy.Row row : r.rows()) {
            assertThat(row.rates().keySet()).containsAll(PowerStudy.RULES);
            row.rates().values().forEach(v -> assertThat(v).isBetween(0.0, 1.0));
        }
        PowerStudy.Row clean = r.rows().get(0);
        assertThat(clean.manipulation()).isEqualTo(Manipulation.NONE);
        assertThat(clean.rates().get(RuleId.ST_INTPCT_TURNOUT)).isLessThanOrEqualTo(1.0 / 6);
        assertThat(clean.rates().get(RuleId.ST_OUT_DUPVEC)).isLessThan(0.01);
        assertThat(rate(r, Manipulation.ROUND_TARGETS, 0.20, RuleId.ST_INTPCT_TURNOUT))
                .isEqualTo(1.0);
        assertThat(rate(r, Manipulation.ROUND_TARGETS, 0.20, RuleId.ST_INTPCT_SHARE))
                .isEqualTo(1.0);
        assertThat(rate(r, Manipulation.INVENTED_STATIONS, 0.05, RuleId.ST_OUT_DUPVEC))
                .isGreaterThan(0.9);
        assertThat(rate(r, Manipulation.BALLOT_STUFFING, 0.20, RuleId.ST_OUT_TURNOUT95))
                .isGreaterThan(0.0);
        assertThat(PowerTable.tsv(r).lines().count()).isEqualTo(2 + 9 * PowerStudy.RULES.size());
    }

    @Test
    void ST_INTPCT_SHARE_syntheticElectionIsDeterministicAndMarksItsManipulatedStations() {
        var a = SyntheticElection.generate(3, 500, Manipulation.ROUND_TARGETS, 0.1);
        assertThat(SyntheticElection.generate(3, 500, Manipulation.ROUND_TARGETS, 0.1))
                .isEqualTo(a);
        assertThat(a.manipulated()).isNotEmpty().hasSizeLessThan(120);
        var clean = SyntheticElection.generate(3, 500, Manipulation.NONE, 0.1);
        assertThat(clean.manipulated()).isEmpty();
    }

    private static double rate(PowerStudy.Result r, Manipulation m, double f, RuleId rule) {
        return r.rows().stream()
                .filter(x -> x.manipulation() == m && x.fraction() == f)
                .findFirst()
                .orElseThrow()
                .rates()
                .get(rule);
    }
}
