package org.veritally.core.tabulate;

import java.util.Arrays;

/**
 * Running sums for one unit × contest × view: stations reporting, their registered voters, the
 * summary counts and the votes per choice. Mutable; owned by {@link Tabulation}, which guards it.
 * Absent counts on a sheet (ballots cast, blank) are summed as follows: ballots cast falls back to
 * valid + null + blank, blank counts as 0.
 */
public final class Tally {
    long stations;
    long registered;
    long ballots;
    long valid;
    long nulls;
    long blank;
    final long[] votes;

    public Tally(int choices) {
        votes = new long[choices];
    }

    Tally copy() {
        Tally t = new Tally(votes.length);
        t.add(this, 1);
        return t;
    }

    void add(Tally o, int sign) {
        stations += sign * o.stations;
        registered += sign * o.registered;
        ballots += sign * o.ballots;
        valid += sign * o.valid;
        nulls += sign * o.nulls;
        blank += sign * o.blank;
        for (int i = 0; i < votes.length; i++) votes[i] += sign * o.votes[i];
    }

    public long stations() {
        return stations;
    }

    public long registered() {
        return registered;
    }

    public long ballots() {
        return ballots;
    }

    public long valid() {
        return valid;
    }

    public long nulls() {
        return nulls;
    }

    public long blank() {
        return blank;
    }

    public long[] votes() {
        return votes.clone();
    }

    /** Rebuilds a tally from stored values (the store's unit_total projection). */
    public static Tally of(
            long stations, long registered, long ballots, long valid, long nulls, long blank, long[] votes) {
        Tally t = new Tally(votes.length);
        t.stations = stations;
        t.registered = registered;
        t.ballots = ballots;
        t.valid = valid;
        t.nulls = nulls;
        t.blank = blank;
        System.arraycopy(votes, 0, t.votes, 0, votes.length);
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally t
                && stations == t.stations
                && registered == t.registered
                && ballots == t.ballots
                && valid == t.valid
                && nulls == t.nulls
                && blank == t.blank
                && Arrays.equals(votes, t.votes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(valid) * 31 + Arrays.hashCode(votes);
    }

    @Override
    public String toString() {
        return "Tally[stations=" + stations + " reg=" + registered + " ballots=" + ballots + " valid=" + valid
                + " null=" + nulls + " blank=" + blank + " votes=" + Arrays.toString(votes) + "]";
    }
}
