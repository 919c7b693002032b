package org.veritally.stats.announced;

import org.veritally.stats.RuleId;

/**
 * Whether the leader is already certainly above (or below) a winning threshold ({@code ST-IRREV}).
 *
 * @param rule always {@link RuleId#ST_IRREV}
 * @param leader the leading candidate's label
 * @param threshold the threshold
 * @param shareNow the leader's share of the valid votes counted so far
 * @param lowestPossibleShare the share if every remaining registered voter votes for someone else
 * @param highestPossibleShare the share if every remaining registered voter votes for the leader
 * @param status whether the threshold is certainly met, certainly missed, or still open
 * @param caveat what the result does and does not mean
 */
public record ThresholdResult(
        RuleId rule,
        String leader,
        ShareThreshold threshold,
        double shareNow,
        double lowestPossibleShare,
        double highestPossibleShare,
        Status status,
        String caveat) {

    /** Where the leader stands against the threshold. */
    public enum Status {
        /** Met whatever the remaining stations report. */
        CERTAINLY_MET,
        /** Missed whatever the remaining stations report. */
        CERTAINLY_MISSED,
        /** The remaining stations can still decide it. */
        OPEN
    }
}
