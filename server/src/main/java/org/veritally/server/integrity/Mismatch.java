package org.veritally.server.integrity;

/**
 * The first thing an integrity check found wrong: the check, where (a log index, a tree node, a table row)
 * and what was expected against what is stored. Immutable.
 *
 * @param rule the failed check
 * @param location where, as an operator would look for it ({@code log entry 17}, {@code unit_total row 3})
 * @param detail what differs
 */
public record Mismatch(IntegrityRule rule, String location, String detail) {
    public Mismatch {
        if (rule == null || location == null || detail == null) throw new IllegalArgumentException("null field");
    }

    /** {@code RULE at LOCATION: DETAIL}, as {@code /readyz}, the log and {@code rebuild} print it. */
    public String message() {
        return rule.id() + " at " + location + ": " + detail;
    }
}
