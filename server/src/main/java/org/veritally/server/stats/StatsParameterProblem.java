package org.veritally.server.stats;

/**
 * {@code ST-PARAM}: a statistics request with a missing or malformed parameter (a sample size that is not a
 * number, a share outside (0, 1), an unknown strata level). An {@link IllegalArgumentException}, so the CLI
 * reports it as a usage error (exit 2); {@link StatsRoutes} answers it with HTTP 400.
 */
public final class StatsParameterProblem extends IllegalArgumentException {
  /** The rule every instance carries. */
  public static final String RULE = "ST-PARAM";

  public StatsParameterProblem(String message) {
    super(message);
  }

  public String rule() {
    return RULE;
  }
}
