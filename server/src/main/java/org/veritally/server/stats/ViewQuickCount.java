package org.veritally.server.stats;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.quickcount.QuickCountEstimate;
import org.veritally.stats.quickcount.SamplePlan;
import org.veritally.stats.quickcount.ShareComparison;

/**
 * A quick count ({@code ST-QC}) at the current point of the count: the reproducible sample, which of its
 * stations have a sheet in the view, the estimate from those sheets, and the comparison with the announced
 * shares of the official and consensus views. Immutable.
 *
 * @param contest the contest id
 * @param view the view whose sheets feed the estimate
 * @param strata the level whose units are the strata
 * @param candidates the contest's candidates, in the estimate's order
 * @param plan the sample, redrawable by anyone from the seed and the catalogue
 * @param received the sampled stations with a sheet in the view
 * @param estimate the estimate, absent until a sampled sheet with valid votes is in
 * @param comparisons the official and consensus shares against the intervals, for those of the two views
 *     that have valid votes (and only with an estimate)
 */
public record ViewQuickCount(
        String contest,
        String view,
        StrataLevel strata,
        CandidateSet candidates,
        SamplePlan plan,
        Set<String> received,
        Optional<QuickCountEstimate> estimate,
        List<ShareCheck> comparisons) {

    /** Copies the collections. */
    public ViewQuickCount {
        received = Set.copyOf(received);
        comparisons = List.copyOf(comparisons);
    }

    /**
     * One view's shares of the valid votes against the quick count's intervals.
     *
     * @param view the view ({@code official} or {@code consensus})
     * @param stationsReporting stations in that view's total
     * @param stationsTotal stations in the catalogue
     * @param shares per candidate, in candidate order
     */
    public record ShareCheck(String view, long stationsReporting, long stationsTotal, List<ShareComparison> shares) {

        /** Copies the list. */
        public ShareCheck {
            shares = List.copyOf(shares);
        }
    }
}
