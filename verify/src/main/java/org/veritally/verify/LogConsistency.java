package org.veritally.verify;

import java.util.List;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.ConsistencyProof;
import org.veritally.translog.ConsistencyVerifier;
import org.veritally.translog.InvalidTileException;
import org.veritally.translog.Rule;
import org.veritally.translog.TileHashReader;
import org.veritally.translog.Verification;

/**
 * Proves that an earlier checkpoint's tree is a prefix of a later one's, with an RFC 9162
 * consistency proof computed here from the log's own published tiles ({@link TileHashReader}), not
 * taken from the log. The tiles are untrusted: the proof must reproduce both signed roots
 * (LOG-CON-2, LOG-CON-3), so a log that dropped or rewrote an entry after the earlier checkpoint
 * cannot pass. A tree that shrank fails LOG-CON-1; equal sizes need equal roots. Stateless.
 */
public final class LogConsistency {

    private LogConsistency() {}

    /** Whether {@code newer} extends {@code older}, judged from {@code log}'s tiles at newer's size. */
    public static Verification prove(Checkpoint older, Checkpoint newer, PublishedLog log) {
        long m = older.size();
        long n = newer.size();
        if (m > n || m == n || m == 0) {
            return ConsistencyVerifier.verify(m, n, older.rootHash(), newer.rootHash(), List.of());
        }
        ConsistencyProof proof;
        try {
            proof = ConsistencyProof.build(
                    m,
                    n,
                    new TileHashReader(
                            n,
                            t -> log.read(t.path())
                                    .orElseThrow(
                                            () -> new InvalidTileException(Rule.TILE_FMT_1, t.path() + " is absent"))));
        } catch (InvalidTileException e) {
            return Verification.failed(
                    e.rule(),
                    "cannot compute the consistency proof from " + log.location() + ": " + e.getMessage(),
                    "the tiles of the tree of size " + n,
                    "absent or malformed");
        }
        return proof.verify(older.rootHash(), newer.rootHash());
    }
}
