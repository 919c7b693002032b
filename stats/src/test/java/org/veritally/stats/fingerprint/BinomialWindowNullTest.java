package org.veritally.stats.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The window-outcome draw against a naive reference that draws k' ~ Binomial(n, k/n) by Bernoulli trials. */
class BinomialWindowNullTest {

    @Test
    void ST_INTPCT_TURNOUT_windowDrawsAgreeWithNaiveBinomialDraws() {
        long seed = 31;
        System.out.println("ST-INTPCT reference seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        int stations = 300;
        long[] k = new long[stations];
        long[] n = new long[stations];
        for (int i = 0; i < stations; i++) {
            n[i] = 100 + random.nextInt(300);
            k[i] = 1 + random.nextLong(n[i] - 1);
        }
        int replicates = 400;
        long[] fast = BinomialWindowNull.simulate(k, n, replicates, seed);
        double[] fastMean = means(fast, replicates);
        double[] naiveMean = new double[BinomialWindowNull.PERCENTS];
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < stations; i++) {
                double p = (double) k[i] / n[i];
                long draw = 0;
                for (long t = 0; t < n[i]; t++) {
                    draw += random.nextDouble() < p ? 1 : 0;
                }
                int pct = WholePercent.of(draw, n[i]);
                if (pct != WholePercent.NONE) {
                    naiveMean[pct] += 1.0 / replicates;
                }
            }
        }
        double fastTotal = 0;
        double naiveTotal = 0;
        for (int p = 0; p < BinomialWindowNull.PERCENTS; p++) {
            fastTotal += fastMean[p];
            naiveTotal += naiveMean[p];
        }
        // Each total is a mean of 400 replicates of a count with SD about 5: its SE is about 0.25.
        assertThat(Math.abs(fastTotal - naiveTotal)).isLessThan(1.5);
        assertThat(fastTotal).isGreaterThan(20);
    }

    @Test
    void ST_INTPCT_TURNOUT_windowProbabilitiesAddUpToTheExactBinomialMass() {
        BinomialWindowNull.Windows w = new BinomialWindowNull.Windows();
        w.of(60, 150); // n = 150, p = 0.4: windows hold 1 or 2 counts each
        double exact = 0;
        for (long j = 0; j <= 150; j++) {
            if (WholePercent.of(j, 150) != WholePercent.NONE) {
                exact += pmf(150, 0.4, j);
            }
        }
        assertThat(w.cumulative[w.size - 1]).isCloseTo(exact, org.assertj.core.api.Assertions.within(1e-9));
    }

    private static double pmf(long n, double p, long j) {
        double log = org.veritally.stats.dist.Gamma.logGamma(n + 1.0)
                - org.veritally.stats.dist.Gamma.logGamma(j + 1.0)
                - org.veritally.stats.dist.Gamma.logGamma(n - j + 1.0)
                + j * Math.log(p)
                + (n - j) * Math.log1p(-p);
        return Math.exp(log);
    }

    private static double[] means(long[] draws, int replicates) {
        double[] m = new double[BinomialWindowNull.PERCENTS];
        for (int r = 0; r < replicates; r++) {
            for (int p = 0; p < BinomialWindowNull.PERCENTS; p++) {
                m[p] += (double) draws[r * BinomialWindowNull.PERCENTS + p] / replicates;
            }
        }
        return m;
    }
}
