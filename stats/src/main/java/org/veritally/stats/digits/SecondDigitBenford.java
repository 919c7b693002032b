package org.veritally.stats.digits;

import java.util.ArrayList;
import java.util.List;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;
import org.veritally.stats.dist.ChiSquared;

/**
 * {@code ST-2BL}: Mebane's second-digit Benford test on station-level vote counts.
 *
 * <p>Under Benford's law the second significant digit d of a count has probability Σ_{k=1..9} log10(1 +
 * 1/(10k + d)) (Mebane 2006, "Election Forensics: Vote Counts and Benford's Law", section 2; Hill 1995): .11968
 * .11389 .10882 .10433 .10031 .09668 .09337 .09035 .08757 .08500 for d = 0..9, with mean 4.187. The test
 * reports Pearson's χ² with 9 degrees of freedom and the mean second digit with a seeded percentile bootstrap
 * interval (Mebane 2006 section 3 uses both). Counts below 10 have no second digit and are excluded.
 *
 * <p>Caveat: at national sizes 2BL rejects almost any real count (Deckert, Myagkov &amp; Ordeshook 2011), so
 * a small p-value is a reason to look, not a finding. Stateless and thread-safe.
 */
public final class SecondDigitBenford {
    private static final double[] EXPECTED = expectedFrequencies();
    private static final double[] DIGITS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    private SecondDigitBenford() {}

    /** The 2BL probability of each second digit 0..9, computed from the Benford formula. */
    public static double[] expectedFrequencies() {
        double[] p = new double[10];
        for (int d = 0; d < 10; d++) {
            for (int k = 1; k <= 9; k++) {
                p[d] += Math.log10(1 + 1.0 / (10 * k + d));
            }
        }
        return p;
    }

    /** The 2BL mean second digit, Σ d·p(d) ≈ 4.187. */
    public static double expectedMean() {
        double mean = 0;
        for (int d = 0; d < 10; d++) {
            mean += d * EXPECTED[d];
        }
        return mean;
    }

    /**
     * The second significant digit of {@code count}.
     *
     * @throws IllegalArgumentException if count &lt; 10
     */
    public static int secondDigit(long count) {
        if (count < 10) {
            throw new IllegalArgumentException("a count below 10 has no second digit: " + count);
        }
        long n = count;
        while (n >= 100) {
            n /= 10;
        }
        return (int) (n % 10);
    }

    /**
     * Runs the test on raw counts; counts below 10 are excluded and counted in {@code excluded}.
     *
     * @throws IllegalArgumentException if no count is 10 or more
     */
    public static SecondDigitResult test(String scope, long[] counts, BootstrapSpec spec) {
        long[] observed = new long[10];
        long excluded = 0;
        for (long c : counts) {
            if (c < 10) {
                excluded++;
            } else {
                observed[secondDigit(c)]++;
            }
        }
        return result(scope, observed, excluded, spec);
    }

    /**
     * One result per candidate that has at least one count of 10 or more, in candidate order, from one pass
     * over the stations. Each candidate uses the seed {@code spec.seed() + index}, reported in its interval.
     */
    public static List<SecondDigitResult> perCandidate(
            List<StationCounts> stations, CandidateSet candidates, BootstrapSpec spec) {
        int k = candidates.size();
        long[][] observed = new long[k][10];
        long[] excluded = new long[k];
        for (StationCounts s : stations) {
            for (int c = 0; c < k; c++) {
                long v = s.votes(c);
                if (v < 10) {
                    excluded[c]++;
                } else {
                    observed[c][secondDigit(v)]++;
                }
            }
        }
        List<SecondDigitResult> results = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (excluded[c] < stations.size()) {
                BootstrapSpec own = new BootstrapSpec(spec.seed() + c, spec.replicates(), spec.confidence());
                results.add(result(candidates.id(c), observed[c], excluded[c], own));
            }
        }
        return results;
    }

    private static SecondDigitResult result(String scope, long[] observed, long excluded, BootstrapSpec spec) {
        long n = 0;
        double sum = 0;
        for (int d = 0; d < 10; d++) {
            n += observed[d];
            sum += d * observed[d];
        }
        if (n == 0) {
            throw new IllegalArgumentException("no count of 10 or more in scope " + scope);
        }
        double chi = ChiSquared.pearson(observed, EXPECTED);
        Interval interval = MultinomialBootstrap.meanInterval(observed, DIGITS, spec);
        List<Long> obs = new ArrayList<>();
        List<Double> exp = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            obs.add(observed[d]);
            exp.add(EXPECTED[d]);
        }
        return new SecondDigitResult(
                RuleId.ST_2BL,
                scope,
                n,
                excluded,
                obs,
                exp,
                chi,
                9,
                ChiSquared.survival(chi, 9),
                sum / n,
                expectedMean(),
                interval,
                RuleId.ST_2BL.caveat());
    }
}
