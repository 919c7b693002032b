package org.veritally.translog;

import java.util.Objects;

/**
 * One verification check that did not pass: the rule, what went wrong, and the expected and
 * computed values (hashes as lowercase hex, sizes as decimal) so a user can see the mismatch.
 *
 * <p>Invariants: no component is null; {@code expected} and {@code computed} may be empty when a
 * check compares nothing (for example a missing signature). Immutable and thread-safe.
 *
 * @param rule the rule that failed
 * @param message what was checked, in words, for a human
 * @param expected the value the rule requires
 * @param computed the value that was found or computed
 */
public record FailedCheck(Rule rule, String message, String expected, String computed) {

  public FailedCheck {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(computed, "computed");
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
