package org.veritally.stats.quickcount;

import java.util.ArrayList;
import java.util.List;
import org.veritally.stats.RuleId;

/**
 * A quick-count estimate at one moment ({@code ST-QC}).
 *
 * @param rule always {@link RuleId#ST_QC}
 * @param seed the seed text the sample was drawn with
 * @param planned stations in the sample
 * @param received sampled sheets received so far
 * @param strata strata in the plan
 * @param strataReceived strata with at least one sheet (the others are not represented)
 * @param strataWithoutVariance strata with exactly one sheet, which add no variance term (so the standard
 *     error is understated while it is not 0)
 * @param z the normal quantile of the intervals
 * @param candidates one estimate per candidate, in candidate order
 * @param caveat what the estimate does and does not mean
 */
public record QuickCountEstimate(
        RuleId rule,
        String seed,
        int planned,
        int received,
        int strata,
        int strataReceived,
        int strataWithoutVariance,
        double z,
        List<CandidateEstimate> candidates,
        String caveat) {

    /** Copies the list. */
    public QuickCountEstimate {
        candidates = List.copyOf(candidates);
    }

    /**
     * Compares announced shares (in candidate order) with the intervals.
     *
     * @throws IllegalArgumentException if the number of shares differs from the number of candidates
     */
    public List<ShareComparison> compare(List<Double> announcedShares) {
        if (announcedShares.size() != candidates.size()) {
            throw new IllegalArgumentException("one announced share per candidate is needed");
        }
        List<ShareComparison> out = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            CandidateEstimate e = candidates.get(c);
            double a = announcedShares.get(c);
            out.add(new ShareComparison(
                    e.candidateId(),
                    a,
                    e.share(),
                    e.low(),
                    e.high(),
                    e.contains(a),
                    (a - e.share()) / e.standardError()));
        }
        return out;
    }
}
