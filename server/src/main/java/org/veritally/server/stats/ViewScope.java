package org.veritally.server.stats;

import java.util.Optional;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.View;
import org.veritally.core.validation.ReadRule;
import org.veritally.server.read.UsageProblem;
import org.veritally.server.state.ElectionState;

/**
 * The contest and view a statistic is computed for, resolved against the election with the same rules and
 * messages as the results ({@code RD-ELECTION}, {@code RD-CONTEST}, {@code RD-VIEW}, each a {@link
 * UsageProblem}). Immutable.
 *
 * @param election the election
 * @param contest the contest (the first one when none was named)
 * @param view the view
 * @param sourceId the source whose sheets make the view, or {@code consensus}
 */
public record ViewScope(Election election, Contest contest, View view, String sourceId) {

    /**
     * Resolves {@code contestId} (default: the first contest) and {@code viewName} ({@code official}, {@code
     * consensus}, {@code source:<id>}).
     *
     * @throws UsageProblem if there is no election, or the contest or view is unknown
     */
    public static ViewScope resolve(ElectionState state, Optional<String> contestId, String viewName) {
        Election e = state.election()
                .orElseThrow(() ->
                        new UsageProblem(ReadRule.RD_ELECTION, "no election is defined in this data directory yet"));
        Contest c = contestId.isEmpty()
                ? e.contests().get(0)
                : e.contest(contestId.get())
                        .orElseThrow(() ->
                                new UsageProblem(ReadRule.RD_CONTEST, "unknown contest '" + contestId.get() + "'"));
        Tabulation tab = state.tabulation();
        View v = View.parse(viewName);
        int source = tab.sourceOf(v);
        if (v instanceof View.OfSource && source < 0) {
            throw new UsageProblem(
                    ReadRule.RD_VIEW,
                    "unknown view '" + viewName + "' (use official, consensus or source:<id> of a declared source)");
        }
        if (v instanceof View.Official && source < 0) {
            throw new UsageProblem(
                    ReadRule.RD_VIEW,
                    "no authority source is declared, so there is no official view; use --view source:<id> (sources: "
                            + tab.sources().stream().map(s -> s.id()).toList() + ")");
        }
        return new ViewScope(e, c, v, tab.viewId(source));
    }

    /** Whether this is the consensus view (whose sheets are chosen per station by the reconciliation). */
    public boolean consensus() {
        return view instanceof View.Consensus;
    }

    /** The contest id. */
    public String contestId() {
        return contest.id();
    }

    /** The view's wire name ({@code official}, {@code consensus}, {@code source:<id>}). */
    public String viewName() {
        return view.wire();
    }
}
