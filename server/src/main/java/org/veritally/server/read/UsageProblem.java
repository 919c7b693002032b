package org.veritally.server.read;

import org.veritally.core.validation.RuleId;

/**
 * A request that names something that does not exist (unknown unit, contest, view or station).
 * Its rule is a {@link org.veritally.core.validation.ReadRule} or a statistics one ({@code ST-NODATA}).
 * Translated at the edge into HTTP 404 or CLI exit code 2.
 */
public final class UsageProblem extends RuntimeException {
    private final RuleId rule;

    public UsageProblem(RuleId rule, String message) {
        super(message);
        this.rule = rule;
    }

    public RuleId rule() {
        return rule;
    }
}
