package org.veritally.server.asof;

import java.util.Optional;
import org.veritally.server.read.ReadResults;
import org.veritally.server.state.ElectionState;
import org.veritally.store.CheckpointQueries.Checkpoint;

/**
 * The election as it stood when the log had {@code size} entries: the state replayed from the first
 * {@code size} entries, a results reader over it, the root of that tree (hex), and the signed checkpoint
 * the answer rests on: the one of exactly that size if it was signed ({@code exact}), else the first
 * signed one above it, whose tree holds these entries as its prefix (a consistency proof shows it).
 * Immutable once built: the state is never written again, so it is safe to read from any thread.
 *
 * @param checkpoint empty when no checkpoint of at least {@code size} has been signed yet
 */
public record AsOf(
        long size, String rootHex, ElectionState state, ReadResults results, Optional<Checkpoint> checkpoint) {

    /** Whether a checkpoint of exactly this size was signed. */
    public boolean exact() {
        return checkpoint.map(c -> c.treeSize() == size).orElse(false);
    }
}
