package org.veritally.core.audit.risk;

/**
 * How the draws of a stratified MACRO audit are shared among the strata: in proportion to the strata's error
 * bounds U_s, the allocation that makes {@link StratifiedKaplanMarkov}'s risk with no discrepancy equal to the
 * unstratified (1 − 1/U)^n. Draws are handed out one at a time, each to the stratum with the largest U_s / (n_s + 1)
 * (the D'Hondt divisor method; ties to the stratum listed first). Unlike rounding n U_s / U, this never takes a
 * draw away from a stratum when n grows (it is house-monotone: no Alabama paradox), so a later round only adds
 * draws to each stratum and never changes those already drawn. Stateless.
 */
public final class StratifiedAllocation {
    private StratifiedAllocation() {}

    /**
     * The stratum of each of draws 1..n.
     *
     * @throws IllegalArgumentException if there is no stratum, a bound is not positive, or n is negative
     */
    public static int[] strata(double[] bounds, long n) {
        if (bounds.length == 0) throw new IllegalArgumentException("no strata");
        for (double b : bounds) if (!(b > 0)) throw new IllegalArgumentException("a stratum's bound is not positive");
        if (n < 0) throw new IllegalArgumentException("negative draws");
        int[] out = new int[Math.toIntExact(n)];
        long[] given = new long[bounds.length];
        for (int j = 0; j < out.length; j++) {
            int best = 0;
            for (int s = 1; s < bounds.length; s++) {
                // U_s / (n_s + 1) > U_best / (n_best + 1), cross-multiplied
                if (bounds[s] * (given[best] + 1) > bounds[best] * (given[s] + 1)) best = s;
            }
            given[best]++;
            out[j] = best;
        }
        return out;
    }

    /** n_s: how many of draws 1..n each stratum takes. */
    public static long[] counts(double[] bounds, long n) {
        long[] out = new long[bounds.length];
        for (int s : strata(bounds, n)) out[s]++;
        return out;
    }
}
