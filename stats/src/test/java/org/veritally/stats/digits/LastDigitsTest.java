package org.veritally.stats.digits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;

class LastDigitsTest {

    @Test
    void ST_LD_REPEAT_and_ST_LD_ADJ_pairDefinitionsGiveTenAndTwentyPercent() {
        int repeated = 0;
        int adjacent = 0;
        for (long c = 100; c < 200; c++) {
            repeated += LastDigits.repeated(c) ? 1 : 0;
            adjacent += LastDigits.adjacent(c) ? 1 : 0;
        }
        assertThat(repeated).isEqualTo(10);
        assertThat(adjacent).isEqualTo(20);
        assertThat(LastDigits.adjacent(109)).isTrue();
        assertThat(LastDigits.adjacent(190)).isTrue();
        assertThat(LastDigits.adjacent(123)).isTrue();
        assertThat(LastDigits.adjacent(132)).isTrue();
        assertThat(LastDigits.adjacent(135)).isFalse();
        assertThat(LastDigits.repeated(1244)).isTrue();
    }

    @Test
    void ST_LD_UNIF_uniformCountsPassAndInventedCountsFail() {
        long seed = 5L;
        System.out.println("ST-LD-UNIF seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        long[] fair = random.longs(10_000, 10, 5000).toArray();
        LastDigitResult ok = LastDigits.uniformity("fair", fair, 10);
        assertThat(ok.rule()).isEqualTo(RuleId.ST_LD_UNIF);
        assertThat(ok.pValue()).isGreaterThan(1e-3);
        assertThat(ok.counts()).isEqualTo(10_000);
        long[] invented = fair.clone();
        for (int i = 0; i < invented.length; i += 4) {
            invented[i] = invented[i] / 10 * 10 + 7;
        }
        assertThat(LastDigits.uniformity("invented", invented, 10).pValue()).isLessThan(1e-10);
    }

    @Test
    void ST_LD_UNIF_excludesCountsBelowTheMinimum() {
        LastDigitResult r = LastDigits.uniformity("x", new long[] {0, 3, 9, 10, 25, 1234}, 10);
        assertThat(r.counts()).isEqualTo(3);
        assertThat(r.excluded()).isEqualTo(3);
        assertThat(r.observed()).containsExactly(1L, 0L, 0L, 0L, 1L, 1L, 0L, 0L, 0L, 0L);
    }

    @Test
    void ST_LD_REPEAT_fewRepeatsAreFlaggedWithBinomialPValue() {
        long seed = 9L;
        System.out.println("ST-LD-REPEAT seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        long[] fair = random.longs(5000, 10, 3000).toArray();
        DigitPairResult ok = LastDigits.repeatedPairs("fair", fair, 10);
        assertThat(ok.share()).isCloseTo(0.10, within(0.015));
        assertThat(ok.pValue()).isGreaterThan(1e-3);
        long[] avoiding = fair.clone();
        for (int i = 0; i < avoiding.length; i++) {
            while (LastDigits.repeated(avoiding[i])) {
                avoiding[i]++;
            }
        }
        DigitPairResult bad = LastDigits.repeatedPairs("avoiding", avoiding, 10);
        assertThat(bad.matching()).isZero();
        assertThat(bad.pValue()).isLessThan(1e-50);
        assertThat(bad.expectedShare()).isEqualTo(0.10);
    }

    @Test
    void ST_LD_ADJ_manyAdjacentPairsAreFlagged() {
        long[] counts = new long[1000];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i % 2 == 0 ? 123 + 100 * (i % 7) : 10 + i;
        }
        DigitPairResult r = LastDigits.adjacentPairs("x", counts, 10);
        assertThat(r.rule()).isEqualTo(RuleId.ST_LD_ADJ);
        assertThat(r.share()).isGreaterThan(0.5);
        assertThat(r.pValue()).isLessThan(1e-50);
    }

    @Test
    void perCandidateReportsEveryCandidateThenAll() {
        List<StationCounts> stations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            stations.add(new StationCounts("s" + i, "c", "", 500, 300, new long[] {100 + i, 50 + 3 * i}));
        }
        LastDigitReport report = LastDigits.perCandidate(stations, CandidateSet.ofIds("A", "B"), 10);
        assertThat(report.uniformity()).extracting(LastDigitResult::scope).containsExactly("A", "B", "all");
        assertThat(report.uniformity().get(2).counts()).isEqualTo(100);
        assertThat(report.adjacent()).extracting(DigitPairResult::rule).containsOnly(RuleId.ST_LD_ADJ);
    }
}
