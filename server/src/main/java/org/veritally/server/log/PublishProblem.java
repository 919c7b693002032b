package org.veritally.server.log;

import org.veritally.core.validation.RuleId;

/**
 * A publication that cannot be made as asked, with the rule that refuses it ({@link LogRule#PUB_EVIDENCE}): not a
 * bug, and not bad input either, but the state of the instance (its evidence store) and the options given. Translated
 * at the edge into CLI exit code 2 with the rule ID. Immutable.
 */
public final class PublishProblem extends RuntimeException {
    private final transient RuleId rule;

    public PublishProblem(RuleId rule, String message) {
        super(message);
        this.rule = rule;
    }

    public RuleId rule() {
        return rule;
    }
}
