package org.veritally.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * The counts of one station (one tally sheet of one contest) as the statistics need them.
 *
 * <p>Invariants: ids are non-null; {@code registered}, {@code ballotsCast} and every vote count are
 * non-negative; {@code votesPerCandidate} is indexed like the {@link CandidateSet} it is analysed with.
 * Valid votes are the sum of the candidate votes. Ballots cast may exceed registered voters (that is what
 * rule {@code ST-OUT-TURNOUT100} looks for), so it is not an invariant.
 *
 * <p>The vote array is copied in and out, so instances are immutable and thread-safe; use {@link
 * #votes(int)} in loops to avoid the copy. Equality compares the vote arrays by content.
 *
 * @param stationId the station's id, unique within an analysis
 * @param centreId the centre (or other parent unit) the station belongs to
 * @param stratum the sampling stratum (for example the state); may be empty
 * @param registered registered voters
 * @param ballotsCast ballots cast (valid plus null plus blank, as the source reports them)
 * @param votesPerCandidate votes per candidate
 * @param ballotsIssued ballots issued to voters where the sheet has that figure, otherwise {@link #ABSENT}
 */
public record StationCounts(
        String stationId,
        String centreId,
        String stratum,
        long registered,
        long ballotsCast,
        long[] votesPerCandidate,
        long ballotsIssued) {
    /** Marks a figure the sheet does not carry. */
    public static final long ABSENT = -1;

    /** A station whose sheet has no ballots-issued figure. */
    public StationCounts(
            String stationId,
            String centreId,
            String stratum,
            long registered,
            long ballotsCast,
            long[] votesPerCandidate) {
        this(stationId, centreId, stratum, registered, ballotsCast, votesPerCandidate, ABSENT);
    }

    /**
     * @throws IllegalArgumentException if a count is negative
     * @throws NullPointerException if an argument is null
     */
    public StationCounts {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(centreId, "centreId");
        Objects.requireNonNull(stratum, "stratum");
        votesPerCandidate = votesPerCandidate.clone();
        if (registered < 0 || ballotsCast < 0 || ballotsIssued < ABSENT) {
            throw new IllegalArgumentException("negative registered, ballots cast or issued at " + stationId);
        }
        for (long v : votesPerCandidate) {
            if (v < 0) {
                throw new IllegalArgumentException("negative vote count at " + stationId);
            }
        }
    }

    /** A copy of the votes per candidate. */
    @Override
    public long[] votesPerCandidate() {
        return votesPerCandidate.clone();
    }

    /** Votes of candidate {@code candidate} (no copy). */
    public long votes(int candidate) {
        return votesPerCandidate[candidate];
    }

    /** The number of candidates. */
    public int candidateCount() {
        return votesPerCandidate.length;
    }

    /** Valid votes: the sum of the candidate votes. */
    public long valid() {
        long sum = 0;
        for (long v : votesPerCandidate) {
            sum += v;
        }
        return sum;
    }

    /** Turnout, ballots cast over registered; NaN when nobody is registered. */
    public double turnout() {
        return registered == 0 ? Double.NaN : (double) ballotsCast / registered;
    }

    /** Whether the vote vectors are equal. */
    public boolean sameVotesAs(StationCounts other) {
        return Arrays.equals(votesPerCandidate, other.votesPerCandidate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StationCounts s
                && stationId.equals(s.stationId)
                && centreId.equals(s.centreId)
                && stratum.equals(s.stratum)
                && registered == s.registered
                && ballotsCast == s.ballotsCast
                && ballotsIssued == s.ballotsIssued
                && Arrays.equals(votesPerCandidate, s.votesPerCandidate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stationId, centreId, stratum, registered, ballotsCast, ballotsIssued)
                + 31 * Arrays.hashCode(votesPerCandidate);
    }

    @Override
    public String toString() {
        return "StationCounts[" + stationId + " centre=" + centreId + " stratum=" + stratum + " registered="
                + registered + " cast=" + ballotsCast + " issued=" + ballotsIssued + " votes="
                + Arrays.toString(votesPerCandidate) + "]";
    }
}
