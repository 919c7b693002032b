package org.veritally.stats.announced;

import java.util.ArrayList;
import java.util.List;
import org.veritally.stats.RuleId;

/**
 * {@code ST-IRREV}: can the stations not yet reported still change the outcome?
 *
 * <p>Worst case: every registered voter of the unreported stations (R) votes, and for the runner-up. The
 * leader's lead over candidate j is irreversible iff margin_j &gt; R (at margin_j = R a tie is still
 * possible). For a winning threshold θ on the share of valid votes, with leader L and valid votes V so far:
 * it is certainly met iff L / (V + R) meets θ (all remaining votes go to others), and certainly missed iff
 * (L + R) / (V + R) does not (all remaining votes go to the leader); exact integer comparisons.
 *
 * <p>Example: the CNE's first bulletin (Maduro 5,150,092, González 4,445,978, margin 704,114) came with
 * "80% of actas transmitted", leaving about 4.26 million registered voters (20% of 21.3 million) unreported:
 * the result was not irreversible, although it was announced as such. Stateless and thread-safe.
 */
public final class Irreversibility {
    private Irreversibility() {}

    /**
     * The leader's margins over every other candidate against {@code remainingRegistered}.
     *
     * @throws IllegalArgumentException if labels and votes differ in length, there are fewer than two
     *     candidates, or a number is negative
     */
    public static IrreversibilityResult assess(List<String> labels, long[] votes, long remainingRegistered) {
        check(labels, votes, remainingRegistered);
        int leader = leader(votes);
        List<Integer> others = new ArrayList<>();
        for (int c = 0; c < votes.length; c++) {
            if (c != leader) {
                others.add(c);
            }
        }
        others.sort((a, b) -> Long.compare(votes[b], votes[a]));
        List<IrreversibilityResult.Margin> margins = new ArrayList<>();
        for (int c : others) {
            long margin = votes[leader] - votes[c];
            margins.add(new IrreversibilityResult.Margin(labels.get(c), margin, margin > remainingRegistered));
        }
        return new IrreversibilityResult(
                RuleId.ST_IRREV,
                labels.get(leader),
                remainingRegistered,
                margins,
                margins.get(0).irreversible(),
                RuleId.ST_IRREV.caveat());
    }

    /** Whether the leader is certainly above or below {@code threshold}. */
    public static ThresholdResult againstThreshold(
            List<String> labels, long[] votes, long remainingRegistered, ShareThreshold threshold) {
        check(labels, votes, remainingRegistered);
        int leader = leader(votes);
        long lead = votes[leader];
        long valid = 0;
        for (long v : votes) {
            valid = Math.addExact(valid, v);
        }
        long finalValid = Math.addExact(valid, remainingRegistered);
        ThresholdResult.Status status;
        if (finalValid > 0 && threshold.isMetBy(lead, finalValid)) {
            status = ThresholdResult.Status.CERTAINLY_MET;
        } else if (!threshold.isMetBy(lead + remainingRegistered, finalValid)) {
            status = ThresholdResult.Status.CERTAINLY_MISSED;
        } else {
            status = ThresholdResult.Status.OPEN;
        }
        return new ThresholdResult(
                RuleId.ST_IRREV,
                labels.get(leader),
                threshold,
                valid == 0 ? Double.NaN : (double) lead / valid,
                finalValid == 0 ? Double.NaN : (double) lead / finalValid,
                finalValid == 0 ? Double.NaN : (double) (lead + remainingRegistered) / finalValid,
                status,
                RuleId.ST_IRREV.caveat());
    }

    private static int leader(long[] votes) {
        int best = 0;
        for (int c = 1; c < votes.length; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return best;
    }

    private static void check(List<String> labels, long[] votes, long remaining) {
        if (labels.size() != votes.length || votes.length < 2) {
            throw new IllegalArgumentException("need at least two candidates, one label each");
        }
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining registered voters must be >= 0");
        }
        for (long v : votes) {
            if (v < 0) {
                throw new IllegalArgumentException("negative vote count " + v);
            }
        }
    }
}
