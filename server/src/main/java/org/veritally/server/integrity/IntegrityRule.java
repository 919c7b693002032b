package org.veritally.server.integrity;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * The checks of integrity at rest (docs/operations.md, "Integrity at rest"): what the server asserts of its
 * own database at start-up and on a schedule ({@link IntegrityMonitor}), and what {@code rebuild} asserts
 * of the log before it writes anything ({@link LogIntegrity}). A failed check makes {@code /readyz} not
 * ready, raises {@code veritally_integrity_alarm} and refuses writes (HTTP 503) until an operator repairs
 * the database and restarts.
 *
 * <p>IDs are stable, unique across every {@link RuleId} family, listed in docs/validation.md and never
 * reused once retired. Immutable and thread-safe (an enum).
 */
public enum IntegrityRule implements RuleId {
    /** The log's entries are numbered 0, 1, 2, … with no gap. */
    INTEG_INDEX("INTEG-INDEX", "the log's entries are numbered 0, 1, 2, ... with no gap"),
    /** Each entry's stored leaf hash is the RFC 9162 leaf hash of its stored body. */
    INTEG_LEAF("INTEG-LEAF", "each log entry's stored leaf hash is the RFC 9162 leaf hash of its stored body"),
    /** Each stored tree node (what the tiles are made of) equals the hash recomputed from the entries. */
    INTEG_TREE(
            "INTEG-TREE",
            "each stored tree node (what the tiles are made of) equals the hash recomputed from the entries"),
    /** The latest checkpoint is signed by the log's key and its root is that of the stored entries at its size. */
    INTEG_CKPT(
            "INTEG-CKPT",
            "the latest checkpoint is signed by the log's key, and its root is the root of the stored entries "
                    + "at its size"),
    /** Every entry decodes and the rulebook accepts it, replayed in log order. */
    INTEG_REPLAY("INTEG-REPLAY", "every log entry decodes and the rulebook accepts it, replayed in log order"),
    /** The projections equal, row by row, those rebuilt from the log. */
    INTEG_PROJ("INTEG-PROJ", "the projections equal, row by row, those rebuilt from the log"),
    /**
     * The state start-up restored from a snapshot of the state and the catalogue image equals the replay of the
     * log at the snapshot's size (issue 15; {@link RestoredState}).
     */
    INTEG_START(
            "INTEG-START",
            "the state start-up restored (a snapshot of the state over the catalogue image) equals the replay of "
                    + "the log at the snapshot's size");

    private final String id;
    private final String description;

    IntegrityRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule stops the instance from being ready and from writing. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return description;
    }

    /** The ID, as messages print it. */
    @Override
    public String toString() {
        return id;
    }
}
