package org.veritally.translog;

import java.util.Objects;

/**
 * One problem found in external input (a note, a checkpoint, a key string, a tile path, an entry
 * bundle): the rule it breaks and where.
 *
 * <p>Invariants: no component is null. Immutable and thread-safe.
 *
 * @param rule the rule the input breaks
 * @param location where in the input, for example {@code line 3} or {@code byte 1024}
 * @param message what is wrong, for a human
 */
public record Problem(Rule rule, String location, String message) {

  public Problem {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return rule.id() + " at " + location + ": " + message;
  }
}
