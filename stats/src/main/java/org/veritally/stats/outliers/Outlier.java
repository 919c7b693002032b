package org.veritally.stats.outliers;

import java.util.Optional;
import org.veritally.stats.RuleId;

/**
 * One station flagged by one rule.
 *
 * @param rule the rule that flagged it
 * @param stationId the station
 * @param centreId its centre (or parent unit)
 * @param candidateId the candidate concerned, for rules about one candidate
 * @param observed the observed value (a turnout, a share, a z-score or a count, as {@code detail} says)
 * @param threshold the threshold it crossed
 * @param detail a plain-language account of what was seen
 * @param caveat what the flag does and does not mean
 */
public record Outlier(
        RuleId rule,
        String stationId,
        String centreId,
        Optional<String> candidateId,
        double observed,
        double threshold,
        String detail,
        String caveat) {}
