package org.veritally.stats.dist;

/**
 * The standard normal distribution. Φ(x) = 1 - Q(1/2, x²/2)/2 for x &ge; 0 and Q(1/2, x²/2)/2 for x &lt; 0,
 * since erfc(z) = Q(1/2, z²) (Abramowitz &amp; Stegun 7.1.2, 6.5.17); the tails keep full relative accuracy.
 * Stateless and thread-safe.
 */
public final class Normal {
    private Normal() {}

    /** Φ(x) = P(Z &le; x). */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 0) {
            return 0.5;
        }
        double half = 0.5 * Gamma.regularizedQ(0.5, x * x / 2);
        return x < 0 ? half : 1 - half;
    }

    /** P(Z &ge; x), accurate in the upper tail. */
    public static double survival(double x) {
        return cdf(-x);
    }

    /** The two-sided p-value P(|Z| &ge; |z|). */
    public static double twoSided(double z) {
        return Math.min(1, 2 * survival(Math.abs(z)));
    }

    /**
     * The quantile Φ⁻¹(p), by bisection to double precision (for choosing z, not for inner loops).
     *
     * @throws IllegalArgumentException unless 0 &lt; p &lt; 1
     */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile needs 0 < p < 1, got " + p);
        }
        double lo = -40;
        double hi = 40;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
