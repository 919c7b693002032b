package org.veritally.core.audit.risk;

/**
 * {@code ST-RLA-MACRO}: the Kaplan–Markov p-value of a batch-comparison audit whose batches are drawn with
 * replacement with probability proportional to their error bound (PPEB), after Stark (2009), "Risk-limiting
 * post-election audits: P-values from common probability inequalities", IEEE TIFS 4(4):1005-1014, and Stark
 * (2009), "Efficient post-election audits of multiple contests: 2009 California tests"; the worked example is
 * Lindeman (2010), "A Kaplan-Markov auditing example using 2008 California data".
 *
 * <p>With total error bound U and the taints t_1..t_n of the n draws (a batch drawn twice counts twice):
 * P = min(1, prod_j (1 - 1/U) / (1 - t_j)). A taint of 1 or more (a sampled batch with no hand count, counted as
 * the worst case, or a hand count beyond the batch's bound) makes P = 1. The product is a nonnegative
 * martingale under the null, so P may be computed after every draw and every round. Stateless.
 */
public final class KaplanMarkov {
    private KaplanMarkov() {}

    /** The factor of one draw: (1 - 1/U) / (1 - t), or +infinity when t is at least 1. */
    public static double factor(double totalErrorBound, double taint) {
        requireBound(totalErrorBound);
        if (taint >= 1) return Double.POSITIVE_INFINITY;
        return (1 - 1 / totalErrorBound) / (1 - taint);
    }

    /** P = min(1, the product of the factors of {@code taints}); 1 for an empty sample. */
    public static double pValue(double totalErrorBound, double[] taints) {
        requireBound(totalErrorBound);
        double p = 1;
        for (double t : taints) {
            if (t >= 1) return 1;
            p *= (1 - 1 / totalErrorBound) / (1 - t);
        }
        return Math.min(1, p);
    }

    /**
     * The number of draws that, with no discrepancy, brings P to at most alpha: ceil(ln alpha / ln(1 - 1/U))
     * (Lindeman 2010, p. 2; Stark 2009).
     */
    public static int initialDraws(double totalErrorBound, double alpha) {
        requireBound(totalErrorBound);
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        return (int) Math.ceil(Math.log(alpha) / Math.log(1 - 1 / totalErrorBound) - 1e-9);
    }

    /**
     * How many more discrepancy-free draws would bring {@code p} to at most alpha; 0 if it already is. For p =
     * 1 (a worst-case taint) this is the initial number of draws.
     */
    public static int moreDraws(double totalErrorBound, double p, double alpha) {
        if (p <= alpha) return 0;
        return (int) Math.ceil(Math.log(alpha / p) / Math.log(1 - 1 / totalErrorBound) - 1e-9);
    }

    private static void requireBound(double u) {
        if (!(u > 1)) {
            throw new IllegalArgumentException(
                    "the total error bound U must exceed 1 (it is at least 1 by" + " construction): " + u);
        }
    }
}
