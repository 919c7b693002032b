package org.veritally.stats.quickcount;

import java.util.OptionalLong;
import org.veritally.stats.RuleId;

/**
 * A quick-count sample size ({@code ST-QC-SIZE}).
 *
 * @param rule always {@link RuleId#ST_QC_SIZE}
 * @param population N, the eligible voters
 * @param proportion p, the assumed share (0.5 is the most conservative)
 * @param margin E, the margin of error as a fraction (0.0032 for ±0.32 points)
 * @param z the normal quantile of the confidence level (2.58 for 99%)
 * @param infinitePopulation n0 = z² p (1 - p) / E²
 * @param exact n = n0 / (1 + (n0 - 1) / N), before rounding
 * @param voters n rounded up
 * @param stations voters / average station size, rounded up, when the size was given
 * @param caveat what the number does and does not mean
 */
public record SampleSizeResult(
        RuleId rule,
        long population,
        double proportion,
        double margin,
        double z,
        double infinitePopulation,
        double exact,
        long voters,
        OptionalLong stations,
        String caveat) {}
