package org.veritally.server.read;

import java.util.HexFormat;
import java.util.Optional;
import org.veritally.core.validation.ReadRule;
import org.veritally.store.CheckpointQueries;
import org.veritally.store.CheckpointQueries.Checkpoint;
import org.veritally.store.Store;
import org.veritally.store.StoreHashReader;
import org.veritally.translog.CompactRange;
import org.veritally.translog.LogHasher;

/**
 * Where an answer as of log size {@code size} stands, without the election's state at that size: the root of
 * the tree of that size (from the stored nodes: {@code bitCount(size)} reads) and the signed checkpoint it rests
 * on (of exactly that size, else the first above it). What the {@code asOf} object of an answer and the note of
 * a page say (docs/api.md, "As of a checkpoint"), for views that need no replayed state, such as the reporting
 * timeline. Immutable.
 *
 * @param checkpoint empty when no checkpoint of at least {@code size} has been signed yet
 */
public record TreeAsOf(long size, String rootHex, Optional<Checkpoint> checkpoint) {

    /** Whether a checkpoint of exactly this size was signed. */
    public boolean exact() {
        return checkpoint.map(c -> c.treeSize() == size).orElse(false);
    }

    /**
     * The tree of size {@code n} of {@code store}'s log.
     *
     * @throws UsageProblem {@code RD-AT} when {@code n} is below 1 or above the log's size
     */
    public static TreeAsOf of(Store store, long n) {
        long size = store.logSize();
        if (n < 1 || n > size)
            throw new UsageProblem(
                    ReadRule.RD_AT, "the log has had sizes 1 to " + size + " only; at=" + n + " is not one of them");
        byte[] root = CompactRange.read(n, new StoreHashReader(store)).root(LogHasher.create());
        return new TreeAsOf(n, HexFormat.of().formatHex(root), new CheckpointQueries(store).firstCovering(n - 1));
    }
}
