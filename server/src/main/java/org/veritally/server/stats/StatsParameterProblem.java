package org.veritally.server.stats;

import org.veritally.core.validation.RuleId;

/**
 * {@code ST-PARAM}: a statistics request with a missing or malformed parameter (a sample size that is not a
 * number, a share outside (0, 1), an unknown strata level). An {@link IllegalArgumentException}, so the CLI
 * reports it as a usage error (exit 2); {@link StatsRoutes} answers it with HTTP 400.
 */
public final class StatsParameterProblem extends IllegalArgumentException {
    /** The rule every instance carries. */
    public static final StatsRule RULE = StatsRule.ST_PARAM;

    private final String detail;

    /** A problem described by {@code detail}; the message is {@code "ST-PARAM: " + detail}. */
    public StatsParameterProblem(String detail) {
        super(RULE + ": " + detail);
        this.detail = detail;
    }

    /** The description without the rule, for an HTTP problem's {@code detail}. */
    public String detail() {
        return detail;
    }

    public RuleId rule() {
        return RULE;
    }
}
