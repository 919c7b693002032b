package org.veritally.store;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * Failures of the storage that need an operator (the transient ones are the server's {@code
 * SRV-STORE}).
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum StoreRule implements RuleId {
    /**
     * The disk under the database or the data directory is full (HTTP 507, CLI exit 2); nothing of the failed write is
     * kept.
     */
    STORE_FULL(
            "STORE-FULL",
            "the disk under the database or the data directory is full (HTTP 507, CLI exit 2); nothing "
                    + "of the failed write is kept"),

    /**
     * A blob (an evidence photo) is named by the SHA-256 of its bytes, as 64 lower-case hex digits; any other name is
     * refused before it reaches a file, a query or a key (no path traversal).
     */
    STORE_BLOB_NAME(
            "STORE-BLOB-NAME",
            "a blob is named by the SHA-256 of its bytes as 64 lower-case hex digits; any other name is refused"),

    /**
     * A stored blob whose bytes no longer hash to its name (damaged or altered at rest) is reported, never served.
     */
    STORE_BLOB_HASH(
            "STORE-BLOB-HASH",
            "a stored blob whose bytes no longer hash to its name (damaged or altered at rest) is reported, "
                    + "never served"),

    /**
     * The evidence store's location ({@code --evidence}) is {@code dir:PATH} (or a plain path), {@code postgres} or
     * {@code s3://BUCKET[/PREFIX]?endpoint=…&region=…}; anything else is refused.
     */
    STORE_BLOB_URI(
            "STORE-BLOB-URI",
            "the evidence store's location (--evidence) is dir:PATH (or a plain path), postgres, or "
                    + "s3://BUCKET[/PREFIX]?endpoint=...&region=...; anything else is refused");

    private final String id;
    private final String description;

    StoreRule(String id, String description) {
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
