package org.veritally.stats.digits;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap (Efron &amp; Tibshirani 1993, An Introduction to the Bootstrap, ch. 13) of the mean of
 * a categorical sample given as counts per category.
 *
 * <p>Resampling n observations with replacement from categorical data is the same, in distribution, as
 * drawing the category counts from Multinomial(n, observed frequencies); this class draws them as a chain of
 * conditional binomials, which costs O(categories) per replicate instead of O(n). A binomial with mean below
 * {@value #INVERSION_LIMIT} is drawn exactly by inversion; a larger one by the normal approximation rounded
 * to an integer (Box-Muller on {@link SplittableRandom#nextDouble()}, so results do not depend on the JDK's
 * Gaussian algorithm), whose error in total variation is O(1/sqrt(n p (1-p))) and negligible for an
 * interval. Stateless and thread-safe; each call creates its own generator from the seed.
 */
public final class MultinomialBootstrap {
    static final double INVERSION_LIMIT = 30;

    private MultinomialBootstrap() {}

    /**
     * The bootstrap interval of the mean value of the sample.
     *
     * @param counts observations per category
     * @param values the value of each category
     * @throws IllegalArgumentException if the lengths differ or there are no observations
     */
    public static Interval meanInterval(long[] counts, double[] values, BootstrapSpec spec) {
        if (counts.length != values.length) {
            throw new IllegalArgumentException("counts and values differ in length");
        }
        long n = Arrays.stream(counts).sum();
        if (n <= 0) {
            throw new IllegalArgumentException("no observations to bootstrap");
        }
        SplittableRandom random = new SplittableRandom(spec.seed());
        double[] means = new double[spec.replicates()];
        for (int r = 0; r < means.length; r++) {
            long remaining = n;
            long massLeft = n;
            double sum = 0;
            for (int i = 0; i < counts.length && remaining > 0; i++) {
                long draw =
                        i == counts.length - 1 ? remaining : binomial(random, remaining, (double) counts[i] / massLeft);
                massLeft -= counts[i];
                remaining -= draw;
                sum += draw * values[i];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        double alpha = 1 - spec.confidence();
        int lo = (int) Math.floor(alpha / 2 * (means.length - 1));
        int hi = (int) Math.ceil((1 - alpha / 2) * (means.length - 1));
        return new Interval(means[lo], means[hi], spec);
    }

    /** One draw from Binomial(n, p). */
    static long binomial(SplittableRandom random, long n, double p) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(random, n, 1 - p);
        }
        double mean = n * p;
        if (mean < INVERSION_LIMIT) {
            double q = 1 - p;
            double ratio = p / q;
            double pmf = Math.exp(n * Math.log1p(-p));
            double u = random.nextDouble();
            long x = 0;
            while (u > pmf && x < n) {
                u -= pmf;
                x++;
                pmf *= ratio * (n - x + 1) / x;
            }
            return x;
        }
        double gaussian =
                Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        long x = Math.round(mean + Math.sqrt(mean * (1 - p)) * gaussian);
        return Math.max(0, Math.min(n, x));
    }
}
