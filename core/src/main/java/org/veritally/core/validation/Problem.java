package org.veritally.core.validation;

import java.util.Optional;

/**
 * One problem found in an input, an entry or a published file: the rule broken, where (file:line,
 * JSON path, log index or file path), a message a user can act on, and, where the rule compares two
 * values, what was expected and what was found. The one shape every layer reports problems in.
 * Immutable.
 */
public record Problem(RuleId rule, String location, String message, Optional<String> expected, Optional<String> found) {
    public Problem {
        if (rule == null || location == null || message == null || expected == null || found == null) {
            throw new NullPointerException("null field of a problem");
        }
    }

    public Problem(RuleId rule, String location, String message) {
        this(rule, location, message, Optional.empty(), Optional.empty());
    }

    /** A problem comparing two values. */
    public static Problem mismatch(RuleId rule, String location, String message, Object expected, Object found) {
        return new Problem(
                rule, location, message, Optional.of(String.valueOf(expected)), Optional.of(String.valueOf(found)));
    }

    public boolean isError() {
        return rule.severity() == Severity.ERROR;
    }

    /** Same problem at a more precise location (for example prefixed with file:line). */
    public Problem at(String prefix) {
        return new Problem(rule, location.isEmpty() ? prefix : prefix + " " + location, message, expected, found);
    }

    /** {@code RULE-ID at location: message}, the form printed by the CLI. */
    @Override
    public String toString() {
        String diff = expected.isPresent() || found.isPresent()
                ? " (expected " + expected.orElse("-") + ", found " + found.orElse("-") + ")"
                : "";
        return rule.id() + " at " + location + ": " + message + diff;
    }
}
