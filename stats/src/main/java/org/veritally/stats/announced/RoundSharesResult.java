package org.veritally.stats.announced;

import java.util.List;
import org.veritally.stats.RuleId;

/**
 * The outcome of {@code ST-ROUND} on one set of announced counts.
 *
 * @param rule always {@link RuleId#ST_ROUND}
 * @param total the sum of the counts
 * @param maxDecimals the most decimals of a percentage that counted as round
 * @param shares one entry per count, in input order
 * @param allRound whether every count matches a round percentage
 * @param chance the chance that counts not derived from percentages would all be this round: the product
 *     of the counts' match chances without the largest one (see {@link RoundShares}); 1 unless allRound
 * @param alpha the flagging threshold
 * @param flagged allRound and chance &lt; alpha
 * @param caveat what the flag does and does not mean
 */
public record RoundSharesResult(
        RuleId rule,
        long total,
        int maxDecimals,
        List<RoundShare> shares,
        boolean allRound,
        double chance,
        double alpha,
        boolean flagged,
        String caveat) {

    /** Copies the list. */
    public RoundSharesResult {
        shares = List.copyOf(shares);
    }
}
