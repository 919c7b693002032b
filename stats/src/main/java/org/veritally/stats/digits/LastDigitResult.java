package org.veritally.stats.digits;

import java.util.List;
import org.veritally.stats.RuleId;

/**
 * The outcome of the last-digit uniformity test ({@code ST-LD-UNIF}) for one scope.
 *
 * @param rule always {@link RuleId#ST_LD_UNIF}
 * @param scope the candidate id, or {@code "all"}
 * @param counts how many counts were tested (those at or above the minimum)
 * @param excluded how many counts were below the minimum
 * @param observed how many counts end in 0..9
 * @param chiSquare Pearson's statistic against 10% each
 * @param degreesOfFreedom always 9
 * @param pValue P(χ²(9) &ge; chiSquare)
 * @param caveat what the result does and does not mean
 */
public record LastDigitResult(
        RuleId rule,
        String scope,
        long counts,
        long excluded,
        List<Long> observed,
        double chiSquare,
        int degreesOfFreedom,
        double pValue,
        String caveat) {

    /** Copies the list. */
    public LastDigitResult {
        observed = List.copyOf(observed);
    }
}
