package org.veritally.stats.quickcount;

/**
 * An announced (official or consensus) share against the quick count's interval.
 *
 * @param candidateId the candidate
 * @param announced the announced share of the valid votes
 * @param estimate the quick count's estimate
 * @param low the interval's lower bound
 * @param high the interval's upper bound
 * @param inside whether the announced share is inside the interval
 * @param standardErrors (announced - estimate) / standard error
 */
public record ShareComparison(
        String candidateId,
        double announced,
        double estimate,
        double low,
        double high,
        boolean inside,
        double standardErrors) {}
