package org.veritally.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Totals over a list of stations: votes per candidate, valid votes, registered voters and ballots cast,
 * with the leader, the runner-up and the "major" candidates that several rules need.
 *
 * <p>Immutable and thread-safe; the vote array is copied in and out.
 *
 * @param votes votes per candidate
 * @param valid valid votes (the sum of {@code votes})
 * @param registered registered voters
 * @param ballotsCast ballots cast
 */
public record NationalTotals(long[] votes, long valid, long registered, long ballotsCast) {

    /** Copies the array. */
    public NationalTotals {
        votes = votes.clone();
    }

    /**
     * Adds up {@code stations}.
     *
     * @throws IllegalArgumentException if a station has a different number of candidates
     */
    public static NationalTotals of(List<StationCounts> stations, int candidateCount) {
        long[] votes = new long[candidateCount];
        long valid = 0;
        long registered = 0;
        long cast = 0;
        for (StationCounts s : stations) {
            if (s.candidateCount() != candidateCount) {
                throw new IllegalArgumentException("station " + s.stationId() + " has " + s.candidateCount()
                        + " candidates, expected " + candidateCount);
            }
            for (int c = 0; c < candidateCount; c++) {
                votes[c] += s.votes(c);
                valid += s.votes(c);
            }
            registered += s.registered();
            cast += s.ballotsCast();
        }
        return new NationalTotals(votes, valid, registered, cast);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NationalTotals t
                && java.util.Arrays.equals(votes, t.votes)
                && valid == t.valid
                && registered == t.registered
                && ballotsCast == t.ballotsCast;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(votes) * 31 + Long.hashCode(valid + 7 * registered + 13 * ballotsCast);
    }

    @Override
    public String toString() {
        return "NationalTotals[votes=" + java.util.Arrays.toString(votes) + " valid=" + valid + " registered="
                + registered + " cast=" + ballotsCast + "]";
    }

    /** A copy of the votes per candidate. */
    @Override
    public long[] votes() {
        return votes.clone();
    }

    /** Candidate {@code c}'s share of the valid votes; NaN when there are none. */
    public double share(int c) {
        return valid == 0 ? Double.NaN : (double) votes[c] / valid;
    }

    /** The candidate with most votes (the lowest index on a tie). */
    public int leader() {
        int best = 0;
        for (int c = 1; c < votes.length; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The candidate with most votes after the leader (the lowest index on a tie); -1 with one candidate. */
    public int runnerUp() {
        int leader = leader();
        int best = -1;
        for (int c = 0; c < votes.length; c++) {
            if (c != leader && (best < 0 || votes[c] > votes[best])) {
                best = c;
            }
        }
        return best;
    }

    /** Candidates whose share of the valid votes is at least {@code minShare}, in index order. */
    public List<Integer> candidatesWithShareAtLeast(double minShare) {
        List<Integer> major = new ArrayList<>();
        for (int c = 0; c < votes.length; c++) {
            if (valid > 0 && votes[c] >= minShare * valid) {
                major.add(c);
            }
        }
        return major;
    }
}
