package org.veritally.stats.dist;

/**
 * The chi-squared distribution: CDF and upper-tail p-value through the regularized incomplete gamma
 * function, F(x; k) = P(k/2, x/2) (Abramowitz &amp; Stegun 26.4.19). Stateless and thread-safe.
 */
public final class ChiSquared {
    private ChiSquared() {}

    /**
     * P(X &le; x) for X ~ χ²(df).
     *
     * @throws IllegalArgumentException if df &lt; 1 or x is negative or NaN
     */
    public static double cdf(double x, int df) {
        check(x, df);
        return Gamma.regularizedP(df / 2.0, x / 2);
    }

    /**
     * The p-value P(X &ge; x) for X ~ χ²(df), accurate far into the tail.
     *
     * @throws IllegalArgumentException if df &lt; 1 or x is negative or NaN
     */
    public static double survival(double x, int df) {
        check(x, df);
        return Gamma.regularizedQ(df / 2.0, x / 2);
    }

    /**
     * Pearson's statistic Σ (observed - expected)² / expected for counts against probabilities.
     *
     * @param observed counts per category
     * @param probabilities expected probability per category, summing to 1
     * @throws IllegalArgumentException if lengths differ or a probability is not positive
     */
    public static double pearson(long[] observed, double[] probabilities) {
        if (observed.length != probabilities.length) {
            throw new IllegalArgumentException("observed and probabilities differ in length");
        }
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        double stat = 0;
        for (int i = 0; i < observed.length; i++) {
            if (!(probabilities[i] > 0)) {
                throw new IllegalArgumentException("probability must be positive at " + i);
            }
            double e = n * probabilities[i];
            double diff = observed[i] - e;
            stat += diff * diff / e;
        }
        return stat;
    }

    private static void check(double x, int df) {
        if (df < 1 || !(x >= 0)) {
            throw new IllegalArgumentException("chi-squared needs df >= 1 and x >= 0, got df=" + df + " x=" + x);
        }
    }
}
