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
                    + "of the failed write is kept");

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
