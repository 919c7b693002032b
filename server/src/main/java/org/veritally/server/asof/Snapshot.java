package org.veritally.server.asof;

import java.util.List;
import org.veritally.core.model.Source;
import org.veritally.server.state.ReconciliationState;
import org.veritally.translog.CompactRange;

/**
 * The bulky part of the election's state when the log had {@code size} entries (issue 18): what a replay of
 * those entries built that a restore cannot cheaply read back from the store. {@link RestoreSnapshot} turns it
 * into an {@link org.veritally.server.state.ElectionState} of that size, from which a replay of the entries
 * after it through the rulebook reaches any later size (docs/architecture.md, "As of a checkpoint").
 *
 * <ul>
 *   <li>{@code range}: the tree's right edge at {@code size}; its root binds the snapshot to the log's
 *       checkpoint of that size and is checked against the store's tree on load;
 *   <li>{@code units}, {@code stations}: how many of the catalogue's units and stations existed (the catalogue
 *       only grows, in log order, so it is the live catalogue's prefix of these lengths, not stored here);
 *   <li>{@code sources}: the declared sources, in order;
 *   <li>{@code sparse}: the indices of the few entries whose effects are not bulky (announcements, evidence,
 *       keys, audits, transcription work; {@code ElectionState.sparse}), read again from the log on load;
 *   <li>the totals per unit × contest × view, as parallel arrays ({@link Totals});
 *   <li>the current copy of each station × contest × source ({@link Copies});
 *   <li>the reconciliation of every station × contest.
 * </ul>
 *
 * Immutable by convention: the arrays are never written after construction.
 */
public record Snapshot(
        long size,
        CompactRange range,
        int units,
        int stations,
        List<Source> sources,
        long[] sparse,
        Totals totals,
        Copies copies,
        ReconciliationState.Image reconciliation) {

    public Snapshot {
        if (range.size() != size) throw new IllegalArgumentException("range of size " + range.size() + " at " + size);
        sources = List.copyOf(sources);
    }

    /**
     * The tallies: tally {@code i} is unit {@code unit[i]} × contest {@code contest[i]} × view {@code view[i]},
     * with {@code counts[6i..6i+5]} = stations, registered, ballots, valid, null, blank, and its votes at
     * {@code votes[voteStart[i]..voteStart[i+1])}.
     */
    public record Totals(int[] contest, int[] view, int[] unit, long[] counts, int[] voteStart, long[] votes) {
        public int count() {
            return contest.length;
        }
    }

    /** The current copies: copy {@code i} is {@code key[i]} held by entry {@code entry[i]} with that digest. */
    public record Copies(long[] key, long[] entry, long[] core, long[] optional) {
        public int count() {
            return key.length;
        }
    }
}
