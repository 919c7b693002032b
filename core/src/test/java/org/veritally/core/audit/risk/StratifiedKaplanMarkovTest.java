package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

/**
 * ST-RLA-STRATA: the stratified Kaplan–Markov risk, against values derived by hand and against a reference that
 * maximizes over the split of the error by golden-section search (no water-filling, no KKT conditions).
 */
class StratifiedKaplanMarkovTest {

    @Test
    void ST_RLA_STRATA_withOneStratumItIsTheKaplanMarkovPValue() {
        double[] taints = {0, 0.05, -0.02, 0, 0.1};
        assertThat(StratifiedKaplanMarkov.pValue(new double[] {20.47}, new double[][] {taints}))
                .isCloseTo(KaplanMarkov.pValue(20.47, taints), within(1e-15));
    }

    @Test
    void ST_RLA_STRATA_proportionalDrawsWithNoDiscrepancyGiveTheUnstratifiedValue() {
        // U = 2 + 6 = 8; n = 1 + 3 draws in proportion: P = (1 - 1/8)^4
        double p = StratifiedKaplanMarkov.pValue(new double[] {2, 6}, new double[][] {new double[1], new double[3]});
        assertThat(p).isCloseTo(Math.pow(7.0 / 8, 4), within(1e-15));
    }

    @Test
    void ST_RLA_STRATA_theErrorGoesWhereTheFewestDrawsAre() {
        // U = (2, 2), n = (3, 1), no discrepancy. By hand: with lambda = (x, 1 - x) the risk is
        // (1 - x/2)^3 (1 + x)/2, whose log has derivative -3/2 + 1 < 0 at x = 0 and is concave: the maximum is
        // x = 0, all the error in the stratum with one draw, and the risk is (1 - 1/2)^1 = 0.5
        assertThat(StratifiedKaplanMarkov.worstAllocation(new double[] {2, 2}, new long[] {3, 1}))
                .containsExactly(0, 1);
        assertThat(StratifiedKaplanMarkov.pValue(new double[] {2, 2}, new double[][] {new double[3], new double[1]}))
                .isCloseTo(0.5, within(1e-15));
    }

    @Test
    void ST_RLA_STRATA_aStratumWithNoDrawThatCanHoldTheWholeErrorLeavesTheRiskAtOne() {
        assertThat(StratifiedKaplanMarkov.pValue(new double[] {5, 1.5}, new double[][] {new double[40], {}}))
                .isEqualTo(1.0);
        // one that cannot hold it all takes its bound, the rest goes to the drawn stratum: (1 - 0.5/5)^40
        assertThat(StratifiedKaplanMarkov.pValue(new double[] {5, 0.5}, new double[][] {new double[40], {}}))
                .isCloseTo(Math.pow(0.9, 40), within(1e-15));
    }

    @Test
    void ST_RLA_STRATA_aTaintOfOneMakesTheRiskOne() {
        assertThat(StratifiedKaplanMarkov.pValue(new double[] {3, 3}, new double[][] {{0, 0, 0}, {0, 1}}))
                .isEqualTo(1.0);
    }

    @Test
    void ST_RLA_STRATA_refusesBoundsThatCannotHoldAnOutcomeChange() {
        assertThatThrownBy(() -> StratifiedKaplanMarkov.worstAllocation(new double[] {0.5, 0.5}, new long[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StratifiedKaplanMarkov.worstAllocation(new double[] {2, 0}, new long[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The log of the risk for the split lambda, by direct evaluation. */
    static double logRisk(double[] u, double[][] t, double[] lambda) {
        double log = 0;
        for (int s = 0; s < u.length; s++) {
            for (double x : t[s]) log += Math.log(1 - lambda[s] / u[s]) - Math.log(1 - x);
        }
        return log;
    }

    /** The maximum of a concave function on [lo, hi] by golden-section search. */
    static double maxConcave(DoubleUnaryOperator f, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (f.applyAsDouble(a) < f.applyAsDouble(b)) lo = a;
            else hi = b;
        }
        return f.applyAsDouble((lo + hi) / 2);
    }

    /** Reference for three strata: nested golden sections over lambda_1, then lambda_2; lambda_3 = 1 - both. */
    static double reference(double[] u, double[][] t) {
        double eps = 1e-12;
        DoubleUnaryOperator outer = l1 -> {
            double lo = Math.max(0, 1 - l1 - u[2] + eps);
            double hi = Math.min(u[1] - eps, 1 - l1);
            if (lo > hi) return Double.NEGATIVE_INFINITY;
            return maxConcave(l2 -> logRisk(u, t, new double[] {l1, l2, 1 - l1 - l2}), lo, hi);
        };
        double lo = Math.max(0, 1 - u[1] - u[2] + 2 * eps);
        double hi = Math.min(u[0] - eps, 1);
        return Math.min(1, Math.exp(maxConcave(outer, lo, hi)));
    }

    @Test
    void ST_RLA_STRATA_agreesWithAGoldenSectionReferenceOnSeededRandomAudits() {
        long seed = Seeds.seed("stratified KM reference", 2011L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 100; k++) {
            double[] u = new double[3];
            double[][] t = new double[3][];
            for (int s = 0; s < 3; s++) {
                u[s] = 0.2 + random.nextDouble() * 3;
                t[s] = new double[1 + random.nextInt(30)];
                for (int j = 0; j < t[s].length; j++) {
                    t[s][j] = random.nextInt(4) == 0 ? random.nextDouble() * 0.6 - 0.2 : 0;
                }
            }
            if (u[0] + u[1] + u[2] <= 1.05) continue;
            double computed = StratifiedKaplanMarkov.pValue(u, t);
            double expected = reference(u, t);
            assertThat(computed)
                    .as("seed %d case %d: U %s", seed, k, java.util.Arrays.toString(u))
                    .isCloseTo(expected, within(1e-9 + 1e-7 * expected));
            assertThat(computed).isGreaterThanOrEqualTo(expected - 1e-12); // the maximum, not a value below it
        }
    }
}
