package org.veritally.stats.digits;

import org.veritally.stats.RuleId;

/**
 * The outcome of a last-two-digit pair test ({@code ST-LD-REPEAT} or {@code ST-LD-ADJ}) for one scope.
 *
 * @param rule {@link RuleId#ST_LD_REPEAT} or {@link RuleId#ST_LD_ADJ}
 * @param scope the candidate id, or {@code "all"}
 * @param counts how many counts were tested (those at or above the minimum, at least 10)
 * @param matching how many of them end in a repeated (or adjacent) pair
 * @param share matching / counts
 * @param expectedShare 0.10 for repeats, 0.20 for adjacent pairs
 * @param pValue exact two-sided binomial p-value (doubling the smaller tail)
 * @param caveat what the result does and does not mean
 */
public record DigitPairResult(
        RuleId rule,
        String scope,
        long counts,
        long matching,
        double share,
        double expectedShare,
        double pValue,
        String caveat) {}
