package org.veritally.server.intake;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * What {@code rebuild --check} asserts of the projections it recomputed from the log.
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum RebuildRule implements RuleId {
    /** The projections rebuilt from the log equal, row by row, the ones before. */
    REBUILD_EQ("REBUILD-EQ", "the projections rebuilt from the log equal, row by row, the ones before");

    private final String id;
    private final String description;

    RebuildRule(String id, String description) {
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
