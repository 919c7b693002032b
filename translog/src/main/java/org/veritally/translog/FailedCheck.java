package org.veritally.translog;

import java.util.Objects;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.RuleId;

/**
 * One verification check that did not pass: the rule, what went wrong, and the expected and
 * computed values (hashes as lowercase hex, sizes as decimal) so a user can see the mismatch.
 *
 * <p>Invariants: no component is null; {@code expected} and {@code computed} may be empty when a
 * check compares nothing (for example a missing signature). Immutable and thread-safe.
 *
 * @param rule the rule that failed (a translog {@link Rule})
 * @param message what was checked, in words, for a human
 * @param expected the value the rule requires
 * @param computed the value that was found or computed
 */
public record FailedCheck(RuleId rule, String message, String expected, String computed) {

    public FailedCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(computed, "computed");
    }

    /**
     * The same failure as the problem record every layer above reports ({@link Problem}), found at
     * {@code location}; an empty expected or computed value becomes an absent one.
     */
    public Problem toProblem(String location) {
        return new Problem(
                rule,
                location,
                message,
                java.util.Optional.of(expected).filter(s -> !s.isEmpty()),
                java.util.Optional.of(computed).filter(s -> !s.isEmpty()));
    }

    /** {@code LOG-INC-2: <message> (expected X, computed Y)}. */
    @Override
    public String toString() {
        if (expected.isEmpty() && computed.isEmpty()) {
            return rule.id() + ": " + message;
        }
        return rule.id() + ": " + message + " (expected " + expected + ", computed " + computed + ")";
    }
}
