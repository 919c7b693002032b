package org.veritally.stats.quickcount;

/**
 * One candidate's estimated share of the valid votes.
 *
 * @param candidateId the candidate
 * @param share the combined ratio estimate
 * @param standardError its estimated standard error
 * @param low share - z × standardError
 * @param high share + z × standardError
 */
public record CandidateEstimate(String candidateId, double share, double standardError, double low, double high) {

    /** Whether {@code value} lies inside [low, high]. */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
