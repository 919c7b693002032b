package org.veritally.core.audit.risk;

import java.util.Arrays;
import java.util.Objects;

/**
 * One batch of ballots (a polling station) as reported: its tally sheet's votes per choice and an upper
 * bound on its ballots. A station of the manifest with no reported sheet (a phantom batch, Bañuelos &amp;
 * Stark 2012) is reported with zero votes and its bound from the manifest (for example its registered
 * voters), which gives it the largest error bound.
 *
 * @param id the station id, unique in the contest
 * @param stratum the jurisdiction (used to group the stations to count; the sample is drawn over the contest)
 * @param ballots an upper bound b_p on the ballots in the batch, at least the sum of the votes
 * @param votes reported votes per choice, in the contest's choice order (copied; never mutate)
 */
public record ReportedBatch(String id, String stratum, long ballots, long[] votes) {

    /**
     * @throws IllegalArgumentException if a count is negative or the votes exceed the ballots
     */
    public ReportedBatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stratum, "stratum");
        votes = votes.clone();
        long sum = 0;
        for (long v : votes) {
            if (v < 0) throw new IllegalArgumentException("negative votes in batch " + id);
            sum += v;
        }
        if (ballots < sum) {
            throw new IllegalArgumentException(
                    "batch " + id + " reports " + sum + " votes but at most " + ballots + " ballots");
        }
    }

    /** The reported votes of choice {@code c}. */
    public long votes(int c) {
        return votes[c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportedBatch b
                && id.equals(b.id)
                && stratum.equals(b.stratum)
                && ballots == b.ballots
                && Arrays.equals(votes, b.votes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, stratum, ballots, Arrays.hashCode(votes));
    }

    @Override
    public String toString() {
        return "ReportedBatch[" + id + ", " + stratum + ", b=" + ballots + ", " + Arrays.toString(votes) + "]";
    }
}
