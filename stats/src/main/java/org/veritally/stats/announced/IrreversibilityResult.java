package org.veritally.stats.announced;

import java.util.List;
import org.veritally.stats.RuleId;

/**
 * The outcome of {@code ST-IRREV}.
 *
 * @param rule always {@link RuleId#ST_IRREV}
 * @param leader the label of the leading candidate
 * @param remainingRegistered registered voters of the stations not yet reported
 * @param margins the leader's margin over each other candidate, runner-up first
 * @param irreversible whether the leader's lead over the runner-up (and so over everyone) is irreversible
 * @param caveat what the result does and does not mean
 */
public record IrreversibilityResult(
        RuleId rule,
        String leader,
        long remainingRegistered,
        List<Margin> margins,
        boolean irreversible,
        String caveat) {

    /** Copies the list. */
    public IrreversibilityResult {
        margins = List.copyOf(margins);
    }

    /**
     * The leader's margin over one other candidate.
     *
     * @param over the other candidate's label
     * @param margin leader's votes minus theirs
     * @param irreversible margin &gt; remaining registered voters
     */
    public record Margin(String over, long margin, boolean irreversible) {}
}
