package org.veritally.stats.dist;

/**
 * The regularized incomplete beta function I_x(a, b), by its continued fraction evaluated with the modified
 * Lentz method, using the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges slowly
 * (Numerical Recipes, 3rd ed., section 6.4; Abramowitz &amp; Stegun 26.5.8). Stateless and thread-safe.
 */
public final class Beta {
    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 1_000_000;

    private Beta() {}

    /**
     * I_x(a, b) for a, b &gt; 0 and 0 &le; x &le; 1.
     *
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double regularized(double x, double a, double b) {
        if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("incomplete beta out of range: x=" + x + " a=" + a + " b=" + b);
        }
        if (x == 0 || x == 1) {
            return x;
        }
        double logFront =
                Gamma.logGamma(a + b) - Gamma.logGamma(a) - Gamma.logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(logFront) * fraction(x, a, b) / a;
        }
        return 1 - Math.exp(logFront) * fraction(1 - x, b, a) / b;
    }

    private static double fraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = guard(1 - qab * x / qap);
        d = 1 / d;
        double h = d;
        for (int m = 1; m < MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 / guard(1 + aa * d);
            c = guard(1 + aa / c);
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 / guard(1 + aa * d);
            c = guard(1 + aa / c);
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return h;
            }
        }
        throw new IllegalStateException("incomplete beta did not converge: x=" + x + " a=" + a + " b=" + b);
    }

    private static double guard(double v) {
        return Math.abs(v) < TINY ? TINY : v;
    }
}
