package org.veritally.stats.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reference values: tables (A&amp;S 26.4) and SciPy 1.17 (scipy.special / scipy.stats). */
class DistributionsTest {

    @Test
    void logGammaMatchesFactorialsAndKnownValues() {
        double logFactorial = 0;
        for (int n = 1; n <= 170; n++) {
            assertThat(Gamma.logGamma(n))
                    .as("lnΓ(%d)", n)
                    .isCloseTo(logFactorial, within(1e-12 * Math.max(1, logFactorial)));
            logFactorial += Math.log(n);
        }
        assertThat(Gamma.logGamma(0.5)).isCloseTo(0.5723649429247004, within(1e-14));
        assertThat(Gamma.logGamma(10.5)).isCloseTo(13.940625219403763, within(1e-13));
        assertThat(Gamma.logGamma(123.456)).isCloseTo(469.60554712992956, within(1e-11));
        assertThat(Gamma.logGamma(1e6 + 0.5)).isCloseTo(12815511.476902764, within(1e-7));
        assertThat(Gamma.logGamma(1e-3)).isCloseTo(6.907178885383853, within(1e-12));
    }

    @Test
    void incompleteGammaKnownValues() {
        assertThat(Gamma.regularizedP(3.5, 2.0)).isCloseTo(0.22022259152428406, within(1e-14));
        assertThat(Gamma.regularizedQ(0.5, 30.0)).isCloseTo(9.485737571073857e-15, within(1e-27));
        assertThat(Gamma.regularizedP(50, 60)).isCloseTo(0.9155933189063082, within(1e-13));
        for (double x = 0; x < 40; x += 0.37) {
            assertThat(Gamma.regularizedP(1, x)).isCloseTo(-Math.expm1(-x), within(1e-13));
        }
        assertThatThrownBy(() -> Gamma.regularizedP(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chiSquaredCriticalValuesOfNineDegreesOfFreedom() {
        assertThat(ChiSquared.survival(16.919, 9)).isCloseTo(0.05, within(1e-5));
        assertThat(ChiSquared.survival(21.666, 9)).isCloseTo(0.01, within(1e-6));
        assertThat(ChiSquared.survival(3.841459, 1)).isCloseTo(0.05, within(1e-7));
        assertThat(ChiSquared.survival(100, 9)).isCloseTo(1.5735176303753876e-17, within(1e-29));
        assertThat(ChiSquared.survival(500, 9) / 5.7494139030446954e-102).isCloseTo(1, within(1e-10));
        assertThat(ChiSquared.cdf(16.919, 9) + ChiSquared.survival(16.919, 9)).isCloseTo(1, within(1e-15));
        for (double x = 0; x < 30; x += 0.5) {
            assertThat(ChiSquared.cdf(x, 2)).isCloseTo(-Math.expm1(-x / 2), within(1e-13));
        }
    }

    @Test
    void normalCdfTailsAndQuantile() {
        assertThat(Normal.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-14));
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.survival(8)).isCloseTo(6.220960574271819e-16, within(1e-27));
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(Normal.quantile(0.995)).isCloseTo(2.5758293035489, within(1e-11));
        assertThat(Normal.twoSided(1.959963984540054)).isCloseTo(0.05, within(1e-14));
    }

    @Test
    void incompleteBetaAndBinomialKnownValues() {
        assertThat(Beta.regularized(0.3, 2.5, 7.5)).isCloseTo(0.6789434858661821, within(1e-13));
        assertThat(Beta.regularized(0.34, 1000, 2000)).isCloseTo(0.7812150911606441, within(1e-11));
        assertThat(Binomial.upperTail(16, 100, 0.1)).isCloseTo(0.0398905271110835, within(1e-14));
        assertThat(Binomial.lowerTail(5, 100, 0.1)).isCloseTo(0.05757688648703396, within(1e-14));
        assertThat(Binomial.upperTail(21000, 200000, 0.1) / 6.974139632482548e-14)
                .isCloseTo(1, within(1e-8));
    }

    @Test
    void binomialTailsAgreeWithNaivePmfSums() {
        long seed = 20240728L;
        System.out.println("binomial reference test seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(300);
            double p = random.nextDouble();
            int k = random.nextInt(n + 1);
            double lower = 0;
            double upper = 0;
            for (int j = 0; j <= n; j++) {
                double pmf = Math.exp(Gamma.logGamma(n + 1.0)
                        - Gamma.logGamma(j + 1.0)
                        - Gamma.logGamma(n - j + 1.0)
                        + j * Math.log(p)
                        + (n - j) * Math.log1p(-p));
                if (j <= k) {
                    lower += pmf;
                }
                if (j >= k) {
                    upper += pmf;
                }
            }
            assertThat(Binomial.lowerTail(k, n, p))
                    .as("n=%d k=%d p=%f", n, k, p)
                    .isCloseTo(lower, within(1e-10));
            assertThat(Binomial.upperTail(k, n, p))
                    .as("n=%d k=%d p=%f", n, k, p)
                    .isCloseTo(upper, within(1e-10));
        }
    }
}
