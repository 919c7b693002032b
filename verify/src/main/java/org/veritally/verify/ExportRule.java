package org.veritally.verify;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * What {@link Check#VFY_EXPORTS} finds wrong with a static mirror's exports.
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum ExportRule implements RuleId {
    /** An export description is malformed, or the export cannot be written again from it. */
    EXP_FMT("EXP-FMT", "an export description is malformed, or the export cannot be written again from it"),
    /** The mirror lacks an export it must carry, or one its manifest describes. */
    EXP_MISSING("EXP-MISSING", "the mirror lacks an export it must carry, or one its manifest describes"),
    /** A published export is not, byte for byte, the one written again from the log. */
    EXP_DIFF("EXP-DIFF", "a published export is not, byte for byte, the one written again from the log");

    private final String id;
    private final String description;

    ExportRule(String id, String description) {
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
