package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

class KaplanMarkovTest {

    @Test
    void ST_RLA_MACRO_initialDrawsIsTheSmallestNWithNoDiscrepancyBelowAlpha() {
        long seed = Seeds.seed("KM initial draws", 19L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 500; trial++) {
            double u = 1.01 + random.nextDouble() * 500;
            double alpha = 0.001 + random.nextDouble() * 0.3;
            int n = KaplanMarkov.initialDraws(u, alpha);
            // naive reference: multiply until P <= alpha
            double p = 1;
            int m = 0;
            while (p > alpha) {
                p *= 1 - 1 / u;
                m++;
            }
            assertThat(n).as("U=%s alpha=%s", u, alpha).isBetween(m - 1, m);
            assertThat(Math.pow(1 - 1 / u, n)).isLessThanOrEqualTo(alpha * (1 + 1e-9));
        }
    }

    @Test
    void ST_RLA_MACRO_boundOf1000AtFivePercentNeeds2995DrawsWithNoDiscrepancy() {
        // U large: ln(alpha) / ln(1 - 1/U) ~ U ln(1/alpha)
        assertThat(KaplanMarkov.initialDraws(1000, 0.05)).isEqualTo(2995);
        assertThat(Math.log(0.05) / Math.log(0.999)).isCloseTo(2994.23, within(0.01));
    }

    @Test
    void ST_RLA_MACRO_aTaintOfOneOrMoreMakesThePValueOne() {
        assertThat(KaplanMarkov.pValue(20, new double[] {0, 0, 1, 0})).isEqualTo(1);
        assertThat(KaplanMarkov.pValue(20, new double[] {1.5})).isEqualTo(1);
        assertThat(KaplanMarkov.pValue(20, new double[] {})).isEqualTo(1);
        assertThat(KaplanMarkov.factor(20, 1)).isInfinite();
    }

    @Test
    void ST_RLA_MACRO_understatementsLowerThePValueOverstatementsRaiseIt() {
        double clean = KaplanMarkov.pValue(20, new double[] {0, 0, 0});
        assertThat(KaplanMarkov.pValue(20, new double[] {0, -0.1, 0})).isLessThan(clean);
        assertThat(KaplanMarkov.pValue(20, new double[] {0, 0.1, 0})).isGreaterThan(clean);
        assertThat(clean).isCloseTo(Math.pow(0.95, 3), within(1e-15));
    }

    @Test
    void ST_RLA_MACRO_moreDrawsBringsThePValueToAlpha() {
        double u = 50;
        double p = 0.4;
        int more = KaplanMarkov.moreDraws(u, p, 0.05);
        assertThat(p * Math.pow(1 - 1 / u, more)).isLessThanOrEqualTo(0.05 + 1e-12);
        assertThat(p * Math.pow(1 - 1 / u, more - 1)).isGreaterThan(0.05);
        assertThat(KaplanMarkov.moreDraws(u, 0.01, 0.05)).isZero();
    }

    @Test
    void ST_RLA_MACRO_refusesAnAlphaOutsideZeroOneOrABoundNotAboveOne() {
        assertThatThrownBy(() -> KaplanMarkov.initialDraws(20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KaplanMarkov.initialDraws(1, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
