package org.veritally.stats.dist;

/**
 * Exact binomial tail probabilities through the incomplete beta function: P(X &ge; k) = I_p(k, n-k+1) and
 * P(X &le; k) = I_{1-p}(n-k, k+1) (Abramowitz &amp; Stegun 26.5.24). Stateless and thread-safe.
 */
public final class Binomial {
    private Binomial() {}

    /** P(X &ge; k) for X ~ Binomial(n, p). */
    public static double upperTail(long k, long n, double p) {
        check(k, n, p);
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        if (p == 0 || p == 1) {
            return p == 0 ? 0 : 1;
        }
        return Beta.regularized(p, k, n - k + 1);
    }

    /** P(X &le; k) for X ~ Binomial(n, p). */
    public static double lowerTail(long k, long n, double p) {
        check(k, n, p);
        if (k >= n) {
            return 1;
        }
        if (k < 0) {
            return 0;
        }
        if (p == 0 || p == 1) {
            return p == 0 ? 1 : 0;
        }
        return Beta.regularized(1 - p, n - k, k + 1);
    }

    /**
     * The two-sided p-value of observing k successes: twice the smaller tail, capped at 1 (the "doubling"
     * convention; conservative for skewed distributions).
     */
    public static double twoSided(long k, long n, double p) {
        return Math.min(1, 2 * Math.min(lowerTail(k, n, p), upperTail(k, n, p)));
    }

    private static void check(long k, long n, double p) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial needs n >= 0 and 0 <= p <= 1, got n=" + n + " p=" + p);
        }
    }
}
