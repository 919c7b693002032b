package org.veritally.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * One station × one contest × one source: votes per choice (in the contest's ballot order) and the
 * summary counts. Immutable: the votes array is copied in and out.
 *
 * @param correction present when this sheet supersedes the same source's earlier sheet
 * @param evidence the SHA-256 (lower-case hex) of the original photo this copy was read from, when it
 *     cites one: evidence filed for the same station before it (EV-CITE; docs/log-format.md §1.4)
 */
public record TallySheet(
        String stationId,
        String contestId,
        String sourceId,
        SummaryCounts counts,
        long[] votes,
        Optional<Correction> correction,
        Optional<String> evidence) {
    public TallySheet {
        if (stationId == null
                || contestId == null
                || sourceId == null
                || counts == null
                || votes == null
                || correction == null
                || evidence == null) {
            throw new IllegalArgumentException("tally sheet field is null");
        }
        if (evidence.isPresent() && !org.veritally.core.evidence.Blob.isSha256(evidence.get()))
            throw new IllegalArgumentException("a cited photo is named by its SHA-256 in lower-case hex");
        votes = votes.clone();
    }

    public TallySheet(String stationId, String contestId, String sourceId, SummaryCounts counts, long[] votes) {
        this(stationId, contestId, sourceId, counts, votes, Optional.empty(), Optional.empty());
    }

    public TallySheet(
            String stationId,
            String contestId,
            String sourceId,
            SummaryCounts counts,
            long[] votes,
            Optional<Correction> correction) {
        this(stationId, contestId, sourceId, counts, votes, correction, Optional.empty());
    }

    /** This sheet citing the original photo with SHA-256 {@code sha256} as the image it was read from. */
    public TallySheet citing(String sha256) {
        return new TallySheet(stationId, contestId, sourceId, counts, votes, correction, Optional.of(sha256));
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
        return o instanceof TallySheet t
                && sameCountsAs(t)
                && correction.equals(t.correction)
                && evidence.equals(t.evidence);
    }

    @Override
    public int hashCode() {
        return ((stationId.hashCode() * 31 + contestId.hashCode()) * 31 + sourceId.hashCode()) * 31
                + Arrays.hashCode(votes);
    }

    @Override
    public String toString() {
        return "TallySheet[" + stationId + "/" + contestId + "/" + sourceId + " " + counts + " "
                + Arrays.toString(votes) + correction.map(c -> " " + c).orElse("")
                + evidence.map(e -> " evidence " + e).orElse("") + "]";
    }
}
