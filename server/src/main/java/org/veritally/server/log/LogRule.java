package org.veritally.server.log;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * Refusals of the log's read side and of its signing key: the tile and checkpoint endpoints, the
 * witness cosignature endpoint, and the data directory's log key at start-up. The checks of the tree,
 * notes and tiles themselves are {@link org.veritally.translog.Rule}.
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum LogRule implements RuleId {
    /** The log has no checkpoint yet (HTTP 404). */
    LOG_EMPTY("LOG-EMPTY", "the log has no checkpoint yet (HTTP 404)"),
    /** The tile lies beyond the signed tree size (HTTP 404). */
    TILE_RANGE("TILE-RANGE", "the tile lies beyond the signed tree size (HTTP 404)"),
    /** A cosignature for a checkpoint this log never signed (HTTP 409). */
    COSIG_CKPT("COSIG-CKPT", "a cosignature for a checkpoint this log never signed (HTTP 409)"),
    /** The data directory's log key did not sign the database's log, or it has none and the log is already signed. */
    LOG_KEY(
            "LOG-KEY",
            "the data directory's log key did not sign the database's log, or it has none and the log "
                    + "is already signed"),
    /**
     * {@code publish}: the evidence store lacks the public copy of a photo that the log names (publish
     * {@code --without-evidence} to publish without the images, saying so).
     */
    PUB_EVIDENCE(
            "PUB-EVIDENCE",
            "publish: the evidence store lacks the public copy of a photo the log names (--without-evidence "
                    + "publishes without the images, and says so)");

    private final String id;
    private final String description;

    LogRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule refuses the request or the publication. */
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
