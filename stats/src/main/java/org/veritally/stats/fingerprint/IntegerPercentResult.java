package org.veritally.stats.fingerprint;

import java.util.List;
import java.util.Optional;
import org.veritally.stats.RuleId;

/**
 * The outcome of an integer-percentage peak test ({@code ST-INTPCT-TURNOUT} or {@code ST-INTPCT-SHARE}):
 * stations at a whole percentage (within half a ballot, {@link WholePercent}) against the binomial Monte
 * Carlo of Kobak, Shpilkin &amp; Pshenichnikov (2016), in total and per whole percentage. Immutable.
 *
 * @param rule the rule
 * @param candidateId the candidate whose share is tested; empty for turnout
 * @param numerator what is counted, in words (for example "ballots cast")
 * @param denominator what it is divided by, in words (for example "registered voters")
 * @param stations stations tested (denominator at least the minimum and the figures present)
 * @param excluded stations left out
 * @param observed stations at a whole percentage
 * @param expected the mean over the replicates of the same count
 * @param sd the standard deviation over the replicates
 * @param z (observed − expected) / sd, the excess in standard deviations; 0 when sd is 0
 * @param pValue one-sided p-value of an excess, P(Z ≥ (observed − expected − 0.5) / sd) under the normal
 *     approximation with the Monte Carlo mean and SD; 1 when sd is 0
 * @param monteCarloPValue (1 + replicates with at least the observed count) / (1 + replicates): exact but
 *     never below 1 / (1 + replicates)
 * @param replicates Monte Carlo replicates
 * @param seed Monte Carlo seed
 * @param byPercent every whole percentage 0..100, in order
 * @param caveat what the result does and does not mean
 */
public record IntegerPercentResult(
        RuleId rule,
        Optional<String> candidateId,
        String numerator,
        String denominator,
        long stations,
        long excluded,
        long observed,
        double expected,
        double sd,
        double z,
        double pValue,
        double monteCarloPValue,
        int replicates,
        long seed,
        List<PercentExcess> byPercent,
        String caveat) {

    /** Copies the list. */
    public IntegerPercentResult {
        byPercent = List.copyOf(byPercent);
    }

    /** observed − expected. */
    public double excess() {
        return observed - expected;
    }

    /** observed / expected; NaN when nothing was expected. */
    public double ratio() {
        return expected == 0 ? Double.NaN : observed / expected;
    }
}
