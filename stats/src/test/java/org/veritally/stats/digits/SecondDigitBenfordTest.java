package org.veritally.stats.digits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.stats.RuleId;
import org.veritally.stats.dist.ChiSquared;

class SecondDigitBenfordTest {
    /** Mebane (2006), table 1: the 2BL frequencies of second digits 0..9. */
    private static final double[] MEBANE_2BL = {
        .11968, .11389, .10882, .10433, .10031, .09668, .09337, .09035, .08757, .08500
    };

    @Test
    void ST_2BL_expectedFrequenciesFromBenfordFormulaMatchMebaneToFiveDecimals() {
        double[] p = SecondDigitBenford.expectedFrequencies();
        for (int d = 0; d < 10; d++) {
            assertThat(p[d]).as("digit %d", d).isCloseTo(MEBANE_2BL[d], within(0.5e-5));
        }
        assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-15));
        assertThat(SecondDigitBenford.expectedMean()).isCloseTo(4.187, within(0.5e-3));
    }

    @Test
    void ST_2BL_secondDigitOfCounts() {
        assertThat(SecondDigitBenford.secondDigit(10)).isZero();
        assertThat(SecondDigitBenford.secondDigit(47)).isEqualTo(7);
        assertThat(SecondDigitBenford.secondDigit(385)).isEqualTo(8);
        assertThat(SecondDigitBenford.secondDigit(5_150_092)).isEqualTo(1);
        assertThatThrownBy(() -> SecondDigitBenford.secondDigit(9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ST_2BL_countsBelowTenAreExcludedAndStatisticMatchesNaiveReference() {
        long seed = 7L;
        System.out.println("ST-2BL reference test seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        long[] counts = random.longs(5000, 0, 2000).toArray();
        SecondDigitResult r = SecondDigitBenford.test("X", counts, BootstrapSpec.of(seed));
        long[] naive = new long[10];
        long below = 0;
        double sum = 0;
        for (long c : counts) {
            if (c < 10) {
                below++;
                continue;
            }
            int d = Character.digit(Long.toString(c).charAt(1), 10);
            naive[d]++;
            sum += d;
        }
        assertThat(r.rule()).isEqualTo(RuleId.ST_2BL);
        assertThat(r.excluded()).isEqualTo(below);
        assertThat(r.counts()).isEqualTo(counts.length - below);
        assertThat(r.observed()).containsExactly(Arrays.stream(naive).boxed().toArray(Long[]::new));
        assertThat(r.mean()).isCloseTo(sum / r.counts(), within(1e-12));
        assertThat(r.chiSquare())
                .isCloseTo(ChiSquared.pearson(naive, SecondDigitBenford.expectedFrequencies()), within(1e-9));
        assertThat(r.degreesOfFreedom()).isEqualTo(9);
        assertThat(r.caveat()).contains("national sizes");
        assertThat(r.meanInterval().spec().seed()).isEqualTo(seed);
    }

    @Test
    void ST_2BL_benfordDataPassesAndUniformSecondDigitsFail() {
        long seed = 11L;
        System.out.println("ST-2BL Benford data seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        long[] benford = new long[20_000];
        for (int i = 0; i < benford.length; i++) {
            benford[i] = (long) Math.pow(10, 1 + 5 * random.nextDouble());
        }
        SecondDigitResult ok = SecondDigitBenford.test("benford", benford, BootstrapSpec.of(seed));
        assertThat(ok.pValue()).isGreaterThan(1e-3);
        assertThat(ok.meanDeviates()).isFalse();
        long[] flat = random.longs(20_000, 100, 1000).toArray();
        SecondDigitResult bad = SecondDigitBenford.test("flat", flat, BootstrapSpec.of(seed));
        assertThat(bad.pValue()).isLessThan(1e-6);
        assertThat(bad.mean()).isCloseTo(4.5, within(0.1));
        assertThat(bad.meanDeviates()).isTrue();
    }

    @Test
    void ST_2BL_bootstrapIsReproducibleAndAgreesWithNaiveResampling() {
        long seed = 42L;
        System.out.println("ST-2BL bootstrap reference seed " + seed);
        SplittableRandom data = new SplittableRandom(seed);
        long[] digitCounts = new long[10];
        int[] digits = new int[3000];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = data.nextInt(10) < 3 ? data.nextInt(10) : data.nextInt(5);
            digitCounts[digits[i]]++;
        }
        double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        BootstrapSpec spec = new BootstrapSpec(seed, 2000, 0.95);
        Interval fast = MultinomialBootstrap.meanInterval(digitCounts, values, spec);
        assertThat(MultinomialBootstrap.meanInterval(digitCounts, values, spec)).isEqualTo(fast);
        SplittableRandom naive = new SplittableRandom(seed + 1);
        double[] means = new double[2000];
        for (int r = 0; r < means.length; r++) {
            double s = 0;
            for (int i = 0; i < digits.length; i++) {
                s += digits[naive.nextInt(digits.length)];
            }
            means[r] = s / digits.length;
        }
        Arrays.sort(means);
        assertThat(fast.low()).isCloseTo(means[49], within(0.02));
        assertThat(fast.high()).isCloseTo(means[1950], within(0.02));
    }

    @Test
    void binomialSamplerHasTheRightMeanAndVarianceOnBothPaths() {
        long seed = 3L;
        System.out.println("binomial sampler seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (double[] np : new double[][] {{40, 0.2}, {100_000, 0.3}, {50, 0.9}}) {
            long n = (long) np[0];
            double p = np[1];
            double sum = 0;
            double sum2 = 0;
            int draws = 20_000;
            for (int i = 0; i < draws; i++) {
                long x = MultinomialBootstrap.binomial(random, n, p);
                assertThat(x).isBetween(0L, n);
                sum += x;
                sum2 += (double) x * x;
            }
            double mean = sum / draws;
            double var = sum2 / draws - mean * mean;
            assertThat(mean).isCloseTo(n * p, within(5 * Math.sqrt(n * p * (1 - p) / draws)));
            assertThat(var / (n * p * (1 - p))).isCloseTo(1, within(0.05));
        }
    }
}
