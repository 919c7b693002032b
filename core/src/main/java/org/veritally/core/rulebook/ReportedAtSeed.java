package org.veritally.core.rulebook;

import java.util.Arrays;

/**
 * The reported results an audit audits (docs/audit.md, "Reported results fixed at the seed"): the votes of the
 * audit's contest in its view for every station of the catalogue as the log stood just before the audit's seed was
 * revealed. Real audits commit to the reported results before the seed is known; a correction, a newly agreed copy
 * or a new station after it goes into the log and the results, never into the audit. Derived by {@link
 * AuditRecompute#reported} when a replay applies the {@code audit-seed} entry (the sequencer, a rebuild, a
 * follower, {@code verify}), and kept with the seed by {@link AuditBook}; start-up reads it back from the
 * projection a rebuild writes again. Immutable (the array is copied in and never handed out).
 *
 * @param index the log index of the {@code audit-seed} entry: the results are those of entries 0 .. index - 1
 * @param stations how many stations the catalogue held then: the first {@code stations} of the catalogue, in its
 *     order (a catalogue only grows)
 * @param choices how many choices the contest has
 * @param votes the reported votes, station after station, {@code choices} per station (zeros for a station with no
 *     copy in the view: a phantom)
 */
public record ReportedAtSeed(long index, int stations, int choices, long[] votes) {
    /**
     * @throws IllegalArgumentException if the sizes do not match or a count is negative
     */
    public ReportedAtSeed {
        if (index < 0 || stations < 0 || choices < 1)
            throw new IllegalArgumentException("reported results at log index " + index + ": bad sizes");
        if ((long) stations * choices != votes.length)
            throw new IllegalArgumentException(
                    "reported results: " + votes.length + " votes for " + stations + " stations of " + choices);
        votes = votes.clone();
        for (long v : votes) if (v < 0) throw new IllegalArgumentException("reported results: negative votes");
    }

    /** Every vote, station after station (a copy: the record's array is never handed out). */
    @Override
    public long[] votes() {
        return votes.clone();
    }

    /** Station {@code i}'s reported votes per choice (a copy). */
    public long[] votes(int i) {
        return Arrays.copyOfRange(votes, i * choices, (i + 1) * choices);
    }

    /** The vote of choice {@code c} at station {@code i}. */
    public long vote(int i, int c) {
        return votes[i * choices + c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportedAtSeed r
                && r.index == index
                && r.stations == stations
                && r.choices == choices
                && Arrays.equals(r.votes, votes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + Arrays.hashCode(votes);
    }

    @Override
    public String toString() {
        return "ReportedAtSeed[index=" + index + ", stations=" + stations + ", choices=" + choices + "]";
    }
}
