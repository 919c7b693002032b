package org.veritally.server.stats;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * Refusals of a statistics request. The statistical checks themselves are {@link
 * org.veritally.stats.RuleId}.
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum StatsRule implements RuleId {
    /** A statistics parameter is missing or malformed (HTTP 400, CLI exit 2). */
    ST_PARAM("ST-PARAM", "a statistics parameter is missing or malformed (HTTP 400, CLI exit 2)"),
    /** The view has no sheet for the contest yet (HTTP 404, CLI exit 2). */
    ST_NODATA("ST-NODATA", "the view has no sheet for the contest yet (HTTP 404, CLI exit 2)");

    private final String id;
    private final String description;

    StatsRule(String id, String description) {
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
