package org.veritally.stats.digits;

import java.util.List;
import org.veritally.stats.RuleId;

/**
 * The outcome of the second-digit Benford test ({@code ST-2BL}) for one scope.
 *
 * @param rule always {@link RuleId#ST_2BL}
 * @param scope the candidate id, or {@code "all"}
 * @param counts how many counts had a second digit (counts of 10 or more)
 * @param excluded how many counts were below 10 and so excluded
 * @param observed how many counts have second digit 0..9
 * @param expected the 2BL probability of each second digit 0..9
 * @param chiSquare Pearson's statistic against the 2BL frequencies
 * @param degreesOfFreedom always 9
 * @param pValue P(χ²(9) &ge; chiSquare)
 * @param mean the mean second digit
 * @param expectedMean the 2BL mean, 4.187
 * @param meanInterval bootstrap interval of the mean, with its seed
 * @param caveat what the result does and does not mean
 */
public record SecondDigitResult(
        RuleId rule,
        String scope,
        long counts,
        long excluded,
        List<Long> observed,
        List<Double> expected,
        double chiSquare,
        int degreesOfFreedom,
        double pValue,
        double mean,
        double expectedMean,
        Interval meanInterval,
        String caveat) {

    /** Copies the lists. */
    public SecondDigitResult {
        observed = List.copyOf(observed);
        expected = List.copyOf(expected);
    }

    /** Whether the 2BL mean lies outside the bootstrap interval of the observed mean. */
    public boolean meanDeviates() {
        return !meanInterval.contains(expectedMean);
    }
}
