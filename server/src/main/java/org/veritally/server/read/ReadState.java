package org.veritally.server.read;

import org.veritally.server.Instance;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;

/**
 * What a reader of a results view reads: a state, its results and its copies. {@link #live} is the serving
 * instance's now; {@link #replayed} a state replayed from a prefix of the log (the election as of log size N,
 * issue 18), whose copies are read back from the log. Immutable; as thread-safe as its parts.
 */
public record ReadState(ElectionState state, ReadResults results, CopiesInHand copies) {
    /** The instance's live state, results and projections, as they are at this call. */
    public static ReadState live(Instance in) {
        return new ReadState(in.state(), in.results(), new StoreCopies(in.store()));
    }

    /** A replayed state that has no projections: its copies are the log entries its index names. */
    public static ReadState replayed(ElectionState state, ReadResults results, Store log) {
        return new ReadState(state, results, new LogCopies(state, log));
    }
}
