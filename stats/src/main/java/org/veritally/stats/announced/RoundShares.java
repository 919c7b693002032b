package org.veritally.stats.announced;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.stats.RuleId;

/**
 * {@code ST-ROUND}: do announced counts sit exactly on round percentages of their total, as they would if
 * someone had picked the percentages first and multiplied?
 *
 * <p>Match. Let T = Σ c_i. Count c_i matches a percentage P with d decimals (P = g / 10^d, g an integer)
 * when round(T × P / 100) = c_i, that is |c_i − T g / S| &le; 1/2 with S = 10^(2+d); checked in exact
 * integer arithmetic as |2 c_i S − 2 T g| &le; S, for g = ⌊c_i S / T⌋ and g + 1. The fewest decimals d &le;
 * maxDecimals that match is reported.
 *
 * <p>Chance. The grid points T g / S are T/S apart. When T/S &ge; 1 each of them claims exactly one integer
 * (the nearest; two on an exact tie), so a count that is not derived from a percentage, and whose
 * uncertainty spans many grid spacings, matches with probability q_d = S / T (and 1 when T/S &lt; 1: every
 * integer is then on the grid and the check has no power). The counts are not independent, because they add
 * up to T: once k − 1 of them sit on the grid, the last one is within k − 1 half-units of its grid point and
 * nearly always matches too. So the chance that all k match is taken as the product of the k − 1 smallest
 * q's, Π q_i / max q_i, an upper bound on the joint probability when the first k − 1 counts are independent
 * of each other.
 *
 * <p>Worked example, the CNE's first bulletin of 29 July 2024: Maduro 5,150,092, González 4,445,978, others
 * 462,704, T = 10,058,774. Shares: 51.1999971%, 44.1999989%, 4.6000039%, i.e. 51.2%, 44.2% and 4.6% at one
 * decimal (S = 1000): round(T × 0.512) = 5,150,092, round(T × 0.442) = 4,445,978, round(T × 0.046) = 462,704.
 * Each count matches by chance with q = 1000 / 10,058,774 ≈ 9.94 × 10^-5 (one grid point every 10,059
 * votes), and the chance for all three is q² ≈ 9.9 × 10^-9, about 1 in 10^8. Stateless and thread-safe.
 */
public final class RoundShares {
    /** Default: up to one decimal of a percentage (shares with three decimals as fractions). */
    public static final int DEFAULT_MAX_DECIMALS = 1;

    /** Default flagging threshold for the chance. */
    public static final double DEFAULT_ALPHA = 1e-3;

    private RoundShares() {}

    /**
     * Checks {@code counts} against their own total.
     *
     * @throws IllegalArgumentException if labels and counts differ in length, there are fewer than two
     *     counts, a count is negative, the total is 0 or maxDecimals is outside 0..4
     */
    public static RoundSharesResult check(List<String> labels, long[] counts, int maxDecimals, double alpha) {
        if (labels.size() != counts.length || counts.length < 2) {
            throw new IllegalArgumentException("need at least two counts, one label each");
        }
        if (maxDecimals < 0 || maxDecimals > 4) {
            throw new IllegalArgumentException("maxDecimals must be 0..4, got " + maxDecimals);
        }
        long total = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count " + c);
            }
            total = Math.addExact(total, c);
        }
        if (total == 0) {
            throw new IllegalArgumentException("total is 0");
        }
        List<RoundShare> shares = new ArrayList<>();
        boolean allRound = true;
        double product = 1;
        double largest = 0;
        for (int i = 0; i < counts.length; i++) {
            RoundShare share = roundest(labels.get(i), counts[i], total, maxDecimals);
            shares.add(share);
            allRound &= share.decimals().isPresent();
            product *= share.matchChance();
            largest = Math.max(largest, share.matchChance());
        }
        double chance = allRound ? product / largest : 1;
        return new RoundSharesResult(
                RuleId.ST_ROUND,
                total,
                maxDecimals,
                shares,
                allRound,
                chance,
                alpha,
                allRound && chance < alpha,
                RuleId.ST_ROUND.caveat());
    }

    /**
     * The roundest percentage reproducing {@code count} out of {@code total}. In {@link BigInteger}: the
     * products {@code 2 c S} and {@code 2 T g} exceed a long for counts a log may hold (2^53 − 1 and
     * up), and no page may fail on a figure the log accepted.
     */
    static RoundShare roundest(String label, long count, long total, int maxDecimals) {
        double exact = 100.0 * count / total;
        BigInteger c = BigInteger.valueOf(count);
        BigInteger t = BigInteger.valueOf(total);
        BigInteger scale = BigInteger.valueOf(100);
        for (int d = 0; d <= maxDecimals; d++, scale = scale.multiply(BigInteger.TEN)) {
            BigInteger g = c.multiply(scale).divide(t);
            BigInteger twoCS = c.multiply(scale).shiftLeft(1);
            for (BigInteger candidate = g;
                    candidate.compareTo(g.add(BigInteger.ONE)) <= 0;
                    candidate = candidate.add(BigInteger.ONE)) {
                BigInteger diff =
                        twoCS.subtract(t.multiply(candidate).shiftLeft(1)).abs();
                if (diff.compareTo(scale) <= 0) {
                    String percent = new BigDecimal(candidate).movePointLeft(d).toPlainString();
                    double chance = Math.min(1, scale.doubleValue() / total);
                    return new RoundShare(label, count, exact, Optional.of(percent), Optional.of(d), chance);
                }
            }
        }
        return new RoundShare(label, count, exact, Optional.empty(), Optional.empty(), 1);
    }
}
