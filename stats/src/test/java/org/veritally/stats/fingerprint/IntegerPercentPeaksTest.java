package org.veritally.stats.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.stats.RuleId;

class IntegerPercentPeaksTest {

    @Test
    void ST_INTPCT_TURNOUT_expectedProbabilityIsGcdOverDenominator() {
        IntegerPercentResult r = IntegerPercentPeaks.test(
                RuleId.ST_INTPCT_TURNOUT, new long[] {100, 101, 250, 500}, new long[] {200, 400, 500, 1000}, 100);
        assertThat(r.stations()).isEqualTo(4);
        assertThat(r.observed()).isEqualTo(3);
        assertThat(r.expected()).isCloseTo(100.0 / 200 + 100.0 / 400 + 100.0 / 500 + 100.0 / 1000, within(1e-12));
        assertThat(r.observedByPercent().get(50)).isEqualTo(3);
    }

    @Test
    void ST_INTPCT_TURNOUT_leavesOutSmallDenominatorsAndRatiosOfZeroOrOne() {
        IntegerPercentResult r = IntegerPercentPeaks.test(
                RuleId.ST_INTPCT_TURNOUT, new long[] {0, 300, 50, 350}, new long[] {300, 300, 99, 300}, 100);
        assertThat(r.stations()).isZero();
        assertThat(r.pValue()).isEqualTo(1);
    }

    @Test
    void ST_INTPCT_SHARE_smoothDataPassesAndTargetedDataFails() {
        long seed = 17L;
        System.out.println("ST-INTPCT seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        int n = 40_000;
        long[] num = new long[n];
        long[] den = new long[n];
        for (int i = 0; i < n; i++) {
            den[i] = 100 + random.nextInt(1500);
            // A smooth (bell-shaped) share: a sharp-edged one would pile up on its edges' integer percents.
            double share = 0.2 + 0.2 * (random.nextDouble() + random.nextDouble() + random.nextDouble());
            num[i] = Math.max(1, Math.min(den[i] - 1, Math.round(den[i] * share)));
        }
        IntegerPercentResult fair = IntegerPercentPeaks.test(RuleId.ST_INTPCT_SHARE, num, den, 100);
        assertThat(fair.pValue()).isGreaterThan(1e-3);
        assertThat(fair.ratio()).isCloseTo(1, within(0.1));
        for (int i = 0; i < n; i += 50) {
            num[i] = den[i] * 7 / 10;
            den[i] = den[i] / 10 * 10;
            num[i] = den[i] * 7 / 10;
        }
        IntegerPercentResult targeted = IntegerPercentPeaks.test(RuleId.ST_INTPCT_SHARE, num, den, 100);
        assertThat(targeted.pValue()).isLessThan(1e-10);
        assertThat(targeted.observedByPercent().get(70)).isGreaterThan(800);
    }

    @Test
    void ST_INTPCT_TURNOUT_integerTestAgreesWithDecimalArithmetic() {
        long seed = 19L;
        System.out.println("ST-INTPCT reference seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            long n = 100 + random.nextInt(3000);
            long k = 1 + random.nextLong(n - 1);
            boolean fast = IntegerPercentPeaks.test(RuleId.ST_INTPCT_TURNOUT, new long[] {k}, new long[] {n}, 100)
                            .observed()
                    == 1;
            BigDecimal pct = BigDecimal.valueOf(100 * k).divide(BigDecimal.valueOf(n), 30, java.math.RoundingMode.DOWN);
            assertThat(fast)
                    .as("%d/%d", k, n)
                    .isEqualTo(pct.stripTrailingZeros().scale() <= 0);
        }
    }
}
