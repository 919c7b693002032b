package org.veritally.core.validation;

/**
 * One problem found in an input: the rule broken, where (file:line, JSON path, or record key), and a
 * message a user can act on. Immutable.
 */
public record Problem(Rule rule, String location, String message) {
  public Problem {
    if (rule == null || location == null || message == null) throw new IllegalArgumentException("null field");
  }

  public boolean isError() {
    return rule.severity() == Severity.ERROR;
  }

  /** Same problem at a more precise location (for example prefixed with file:line). */
  public Problem at(String prefix) {
    return new Problem(rule, location.isEmpty() ? prefix : prefix + " " + location, message);
  }

  /** {@code RULE-ID at location: message}, the form printed by the CLI. */
  @Override
  public String toString() {
    return rule.id() + " at " + location + ": " + message;
  }
}
