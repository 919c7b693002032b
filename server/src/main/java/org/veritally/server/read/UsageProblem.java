package org.veritally.server.read;

/**
 * A request that names something that does not exist (unknown unit, contest, view or station).
 * Translated at the edge into HTTP 404 or CLI exit code 2.
 */
public final class UsageProblem extends RuntimeException {
  private final String rule;

  public UsageProblem(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
