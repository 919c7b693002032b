package org.veritally.stats.fingerprint;

import java.util.List;
import org.veritally.stats.RuleId;

/**
 * The outcome of an integer-percentage peak count ({@code ST-INTPCT-TURNOUT} or {@code ST-INTPCT-SHARE}).
 *
 * @param rule the rule
 * @param stations stations tested (denominator at least the minimum, ratio strictly between 0 and 1)
 * @param observed stations whose ratio is an exact integer percentage
 * @param expected the expected number under smoothness, Σ gcd(n, 100) / n
 * @param variance Σ p(1 - p) of the same probabilities
 * @param z (observed - expected - 0.5) / sqrt(variance)
 * @param pValue one-sided p-value of an excess, P(Z &ge; z)
 * @param observedByPercent stations on each integer percentage; index = percent, 0..100
 * @param caveat what the result does and does not mean
 */
public record IntegerPercentResult(
        RuleId rule,
        long stations,
        long observed,
        double expected,
        double variance,
        double z,
        double pValue,
        List<Long> observedByPercent,
        String caveat) {

    /** Copies the list. */
    public IntegerPercentResult {
        observedByPercent = List.copyOf(observedByPercent);
    }

    /** observed / expected; NaN when nothing was expected. */
    public double ratio() {
        return expected == 0 ? Double.NaN : observed / expected;
    }
}
