package org.veritally.verify;

import java.util.Objects;

/**
 * One thing a check found wrong: the rule it breaks, where, and the two values that disagree.
 *
 * <p>{@code expected} is what the published artefact claims (the checkpoint root, the hash in the
 * tile above, the number in a results file); {@code computed} is what the verifier derived from the
 * data itself. Either may be empty when a check compares nothing (a missing file). Immutable.
 *
 * @param rule the finest rule ID that failed, for example {@code TILE-ENT-2} or {@code TS-SUM}
 * @param where the file, entry index, unit or field concerned
 * @param message what is wrong, for a human
 * @param expected the published or claimed value
 * @param computed the value the verifier computed
 */
public record Mismatch(String rule, String where, String message, String expected, String computed) {

  public Mismatch {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(computed, "computed");
  }

  /** A mismatch that compares no values. */
  public static Mismatch of(String rule, String where, String message) {
    return new Mismatch(rule, where, message, "", "");
  }

  @Override
  public String toString() {
    String s = rule + " at " + where + ": " + message;
    return expected.isEmpty() && computed.isEmpty() ? s : s + " (expected " + expected + ", computed " + computed + ")";
  }
}
