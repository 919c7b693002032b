package org.veritally.stats.announced;

import java.util.Optional;

/**
 * One announced count and the roundest percentage that reproduces it.
 *
 * @param label what was counted (a candidate, "others")
 * @param count the announced count
 * @param exactPercent 100 × count / total
 * @param roundPercent the percentage with the fewest decimals (up to the maximum) such that round(total ×
 *     percent / 100) = count, as text ("51.2"); empty if none
 * @param decimals the number of decimals of {@code roundPercent}; empty if none
 * @param matchChance the chance that a count not derived from a percentage lands on a percentage with that
 *     many decimals: min(1, 10^(2 + decimals) / total); 1 if none
 */
public record RoundShare(
        String label,
        long count,
        double exactPercent,
        Optional<String> roundPercent,
        Optional<Integer> decimals,
        double matchChance) {}
