package org.veritally.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * One station × one contest × one source: votes per choice (in the contest's ballot order) and the
 * summary counts. Immutable: the votes array is copied in and out.
 *
 * @param correction present when this sheet supersedes the same source's earlier sheet
 */
public record TallySheet(
        String stationId,
        String contestId,
        String sourceId,
        SummaryCounts counts,
        long[] votes,
        Optional<Correction> correction) {
    public TallySheet {
        if (stationId == null
                || contestId == null
                || sourceId == null
                || counts == null
                || votes == null
                || correction == null) {
            throw new IllegalArgumentException("tally sheet field is null");
        }
        votes = votes.clone();
    }

    public TallySheet(String stationId, String contestId, String sourceId, SummaryCounts counts, long[] votes) {
        this(stationId, contestId, sourceId, counts, votes, Optional.empty());
    }

    @Override
    public long[] votes() {
        return votes.clone();
    }

    /** Votes of one choice by its ballot position, without copying the array. */
    public long vote(int choiceIndex) {
        return votes[choiceIndex];
    }

    public int choiceCount() {
        return votes.length;
    }

    public long sumOfVotes() {
        long s = 0;
        for (long v : votes) s += v;
        return s;
    }

    /** Same numbers as {@code other}, ignoring the correction marking. */
    public boolean sameCountsAs(TallySheet other) {
        return stationId.equals(other.stationId)
                && contestId.equals(other.contestId)
                && sourceId.equals(other.sourceId)
                && counts.equals(other.counts)
                && Arrays.equals(votes, other.votes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TallySheet t && sameCountsAs(t) && correction.equals(t.correction);
    }

    @Override
    public int hashCode() {
        return ((stationId.hashCode() * 31 + contestId.hashCode()) * 31 + sourceId.hashCode()) * 31
                + Arrays.hashCode(votes);
    }

    @Override
    public String toString() {
        return "TallySheet[" + stationId + "/" + contestId + "/" + sourceId + " " + counts + " "
                + Arrays.toString(votes) + correction.map(c -> " " + c).orElse("") + "]";
    }
}
