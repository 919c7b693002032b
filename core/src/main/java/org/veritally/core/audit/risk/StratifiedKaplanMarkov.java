package org.veritally.core.audit.risk;

import java.util.Arrays;
import java.util.Comparator;

/**
 * {@code ST-RLA-STRATA}: the Kaplan–Markov risk of a MACRO batch-comparison audit whose sample is stratified by
 * jurisdiction, each stratum s drawn by PPEB on its own with n_s draws (docs/audit.md, "Stratified sampling").
 *
 * <p>The reported outcome is wrong only if the total MACRO discrepancy E = Σ_s E_s is at least 1, where E_s is the
 * discrepancy of stratum s (at most its error bound U_s). That null is a union, over allocations λ with Σ λ_s = 1
 * and 0 ≤ λ_s ≤ U_s, of the intersections "E_s ≥ λ_s in every stratum" (the union-intersection test of Stark 2008,
 * "Conservative statistical post-election audits", Ann. Appl. Stat. 2(2):550–581, §5, which allows stratified
 * MACRO; and of SUITE, Ottoboni, Stark, Lindeman &amp; McBurnett 2018, arXiv:1809.04235). Under "E_s ≥ λ_s" the PPEB
 * taints of stratum s have mean at least λ_s / U_s, so Π_j (1 − t_sj) / (1 − λ_s / U_s) is a nonnegative
 * supermartingale (Stark 2009's Kaplan–Markov factor with 1/U replaced by λ_s / U_s); the strata are drawn
 * independently, so the product over strata is one under the intersection null (Spertus &amp; Stark 2022, "Sweeter
 * than SUITE", arXiv:2207.03379, combine within-stratum martingales by multiplication), and Ville's inequality
 * makes its reciprocal a P-value at any stopping time. The audit's risk is the largest over the union:
 *
 * <p>P = min(1, max_λ Π_s Π_j (1 − λ_s / U_s) / (1 − t_sj)).
 *
 * <p>Only Σ_s n_s ln(1 − λ_s / U_s) depends on λ. It is concave, so the maximum is the water-filling solution
 * λ_s = max(0, U_s − n_s / ν), with ν chosen so that Σ λ_s = 1; a stratum with no draw takes up to U_s of the
 * error for free. With one stratum P is {@link KaplanMarkov#pValue}; with n_s proportional to U_s and no
 * discrepancy it is (1 − 1/U)^n, the unstratified value. Stateless.
 */
public final class StratifiedKaplanMarkov {
    private StratifiedKaplanMarkov() {}

    /**
     * The allocation λ of the error that maximizes the risk, given the draws per stratum.
     *
     * @param bounds U_s per stratum, each positive, summing to more than 1
     * @param draws n_s per stratum
     * @throws IllegalArgumentException if the lengths differ, a bound is not positive, or the bounds sum to 1 or less
     */
    public static double[] worstAllocation(double[] bounds, long[] draws) {
        int k = bounds.length;
        if (draws.length != k) throw new IllegalArgumentException("one draw count per stratum");
        double total = 0;
        for (int s = 0; s < k; s++) {
            if (!(bounds[s] > 0) || Double.isInfinite(bounds[s]) || draws[s] < 0) {
                throw new IllegalArgumentException("stratum " + s + ": bound " + bounds[s] + ", draws " + draws[s]);
            }
            total += bounds[s];
        }
        if (!(total > 1)) throw new IllegalArgumentException("the total error bound U must exceed 1: " + total);
        double[] lambda = new double[k];
        double rest = 1;
        for (int s = 0; s < k; s++) {
            if (draws[s] == 0) {
                lambda[s] = bounds[s];
                rest -= bounds[s];
            }
        }
        if (rest <= 0) { // the undrawn strata can hold all the error; scale it down to a total of 1
            for (int s = 0; s < k; s++) if (draws[s] == 0) lambda[s] = lambda[s] * (1 / (1 - rest));
            return lambda;
        }
        // drawn strata by n_s / U_s ascending: the active set is a prefix; find the prefix whose nu fits
        Integer[] order = new Integer[k];
        int m = 0;
        for (int s = 0; s < k; s++) if (draws[s] > 0) order[m++] = s;
        order = Arrays.copyOf(order, m);
        Arrays.sort(order, Comparator.comparingDouble((Integer s) -> draws[s] / bounds[s]));
        double sumU = 0;
        double sumN = 0;
        double nu = Double.NaN;
        int active = 0;
        for (int i = 0; i < m; i++) {
            sumU += bounds[order[i]];
            sumN += draws[order[i]];
            if (sumU <= rest) continue; // these strata alone cannot hold the error: take more
            double candidate = sumN / (sumU - rest);
            double next = i + 1 < m ? draws[order[i + 1]] / bounds[order[i + 1]] : Double.POSITIVE_INFINITY;
            if (candidate <= next) {
                nu = candidate;
                active = i + 1;
                break;
            }
        }
        for (int i = 0; i < active; i++) {
            int s = order[i];
            lambda[s] = Math.max(0, bounds[s] - draws[s] / nu);
        }
        return lambda;
    }

    /**
     * P = min(1, max_λ Π_s Π_j (1 − λ_s / U_s) / (1 − t_sj)); 1 when a taint is 1 or more.
     *
     * @param bounds U_s per stratum
     * @param taints the taints of each stratum's draws, in draw order (a batch drawn twice counts twice)
     */
    public static double pValue(double[] bounds, double[][] taints) {
        long[] n = new long[bounds.length];
        for (int s = 0; s < n.length; s++) n[s] = taints[s].length;
        double[] lambda = worstAllocation(bounds, n);
        double log = 0;
        for (int s = 0; s < bounds.length; s++) {
            for (double t : taints[s]) {
                if (t >= 1) return 1;
                log += Math.log1p(-lambda[s] / bounds[s]) - Math.log1p(-t);
            }
        }
        return Math.min(1, Math.exp(log));
    }
}
