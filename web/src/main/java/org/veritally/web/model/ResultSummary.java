package org.veritally.web.model;

import java.util.List;

/**
 * The result of one unit × contest × view: coverage, summary counts and candidates in descending
 * order of votes. {@code apiPath} is the JSON endpoint a live page polls for the same figures.
 */
public record ResultSummary(
        String unitId,
        String contestId,
        String contestName,
        String view,
        Coverage coverage,
        long ballots,
        long valid,
        long nulls,
        long blank,
        List<CandidateLine> candidates) {
    public ResultSummary {
        candidates = List.copyOf(candidates);
    }
}
