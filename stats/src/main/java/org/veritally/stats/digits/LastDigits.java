package org.veritally.stats.digits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;
import org.veritally.stats.dist.Binomial;
import org.veritally.stats.dist.ChiSquared;

/**
 * Beber &amp; Scacco's last-digit tests (Beber &amp; Scacco 2012, "What the Numbers Say: A Digit-Based Test
 * for Election Fraud", Political Analysis 20(2):211-234, section 3).
 *
 * <ul>
 *   <li>{@code ST-LD-UNIF}: last digits of fair counts are uniform; Pearson's χ² with 9 degrees of freedom.
 *   <li>{@code ST-LD-REPEAT}: the last two digits are equal (11, 22, ...) with probability 0.10; people who
 *       invent numbers produce too few. Exact two-sided binomial p-value.
 *   <li>{@code ST-LD-ADJ}: the last two digits differ by one (23, 32, ...) with probability 0.20 when 9 and 0
 *       also count as adjacent (20 of the 100 ordered pairs); people who invent numbers produce too many.
 * </ul>
 *
 * <p>Counts below {@code minCount} are excluded: a count's last digit is uniform only when the counts are
 * spread over many tens, so single-digit counts (and for the pair tests, anything below 10, which has no
 * second-to-last digit) would bias the test. The default minimum is {@value #DEFAULT_MIN_COUNT}. Stateless
 * and thread-safe.
 */
public final class LastDigits {
    /** The default minimum count tested. */
    public static final long DEFAULT_MIN_COUNT = 10;

    private static final double[] UNIFORM = new double[10];

    static {
        Arrays.fill(UNIFORM, 0.1);
    }

    private LastDigits() {}

    /** The three tests for every candidate and for all counts pooled ({@code "all"}), in one pass. */
    public static LastDigitReport perCandidate(List<StationCounts> stations, CandidateSet candidates, long minCount) {
        int k = candidates.size();
        DigitTally[] tallies = new DigitTally[k + 1];
        for (int c = 0; c <= k; c++) {
            tallies[c] = new DigitTally(minCount);
        }
        for (StationCounts s : stations) {
            for (int c = 0; c < k; c++) {
                long v = s.votes(c);
                tallies[c].add(v);
                tallies[k].add(v);
            }
        }
        List<LastDigitResult> uniformity = new ArrayList<>();
        List<DigitPairResult> repeats = new ArrayList<>();
        List<DigitPairResult> adjacent = new ArrayList<>();
        for (int c = 0; c <= k; c++) {
            String scope = c == k ? "all" : candidates.id(c);
            uniformity.add(uniformity(scope, tallies[c]));
            repeats.add(pairs(RuleId.ST_LD_REPEAT, scope, tallies[c].pairs, tallies[c].repeats, 0.10));
            adjacent.add(pairs(RuleId.ST_LD_ADJ, scope, tallies[c].pairs, tallies[c].adjacent, 0.20));
        }
        return new LastDigitReport(uniformity, repeats, adjacent);
    }

    /** {@code ST-LD-UNIF} on raw counts. With no count tested, χ² is 0 and the p-value 1. */
    public static LastDigitResult uniformity(String scope, long[] counts, long minCount) {
        return uniformity(scope, DigitTally.of(counts, minCount));
    }

    /** {@code ST-LD-REPEAT} on raw counts (at least 10 are needed for two digits). */
    public static DigitPairResult repeatedPairs(String scope, long[] counts, long minCount) {
        DigitTally t = DigitTally.of(counts, minCount);
        return pairs(RuleId.ST_LD_REPEAT, scope, t.pairs, t.repeats, 0.10);
    }

    /** {@code ST-LD-ADJ} on raw counts (at least 10 are needed for two digits). */
    public static DigitPairResult adjacentPairs(String scope, long[] counts, long minCount) {
        DigitTally t = DigitTally.of(counts, minCount);
        return pairs(RuleId.ST_LD_ADJ, scope, t.pairs, t.adjacent, 0.20);
    }

    private static LastDigitResult uniformity(String scope, DigitTally t) {
        long n = t.tested;
        double chi = n == 0 ? 0 : ChiSquared.pearson(t.lastDigits, UNIFORM);
        List<Long> obs = Arrays.stream(t.lastDigits).boxed().toList();
        return new LastDigitResult(
                RuleId.ST_LD_UNIF,
                scope,
                n,
                t.seen - n,
                obs,
                chi,
                9,
                n == 0 ? 1 : ChiSquared.survival(chi, 9),
                RuleId.ST_LD_UNIF.caveat());
    }

    /** Whether the last two digits of {@code count} (&ge; 10) differ by one, modulo 10. */
    public static boolean adjacent(long count) {
        int diff = Math.abs((int) (count % 10) - (int) (count / 10 % 10));
        return diff == 1 || diff == 9;
    }

    /** Whether the last two digits of {@code count} (&ge; 10) are equal. */
    public static boolean repeated(long count) {
        return count % 10 == count / 10 % 10;
    }

    private static DigitPairResult pairs(RuleId rule, String scope, long n, long hits, double expected) {
        double share = n == 0 ? Double.NaN : (double) hits / n;
        double p = n == 0 ? 1 : Binomial.twoSided(hits, n, expected);
        return new DigitPairResult(rule, scope, n, hits, share, expected, p, rule.caveat());
    }
}
