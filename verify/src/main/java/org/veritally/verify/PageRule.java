package org.veritally.verify;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * What {@link Check#VFY_PAGES} finds wrong with the figures on a static mirror's pages.
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum PageRule implements RuleId {
    /** A figure names a unit, station, contest, view, source or field the log does not have. */
    PAGE_KEY("PAGE-KEY", "a figure names a unit, station, contest, view, source or field the log does not have"),
    /** A figure's value is not the one recomputed from the log. */
    PAGE_VALUE("PAGE-VALUE", "a figure's value is not the one recomputed from the log"),
    /** A page shows another number than its figure's value. */
    PAGE_TEXT("PAGE-TEXT", "a page shows another number than its figure's value"),
    /** A page does not show a figure it must show. */
    PAGE_REQUIRED("PAGE-REQUIRED", "a page does not show a figure it must show"),
    /** The mirror lacks a page the log implies, or its manifest names no language. */
    PAGE_MISSING("PAGE-MISSING", "the mirror lacks a page the log implies, or its manifest names no language");

    private final String id;
    private final String description;

    PageRule(String id, String description) {
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
