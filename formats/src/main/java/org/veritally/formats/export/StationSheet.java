package org.veritally.formats.export;

import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.reconcile.StationStatus;

/**
 * One source's current copy of one station's sheet for one contest, as exported: the station (with
 * its catalogue registered voters), the log index of the entry holding the copy, the counts, the
 * votes in ballot order, and the reconciliation of the station × contest ({@code status}, and
 * whether this copy is the one counted in the consensus view). Immutable.
 */
public record StationSheet(
        Station station,
        String contestId,
        String sourceId,
        long logIndex,
        SummaryCounts counts,
        long[] votes,
        StationStatus status,
        boolean counted) {
    public StationSheet {
        votes = votes.clone();
    }

    @Override
    public long[] votes() {
        return votes.clone();
    }

    /** Votes of one ballot line, without copying. */
    public long vote(int choiceIndex) {
        return votes[choiceIndex];
    }

    public int choiceCount() {
        return votes.length;
    }
}
