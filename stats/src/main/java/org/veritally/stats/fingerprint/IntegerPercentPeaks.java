package org.veritally.stats.fingerprint;

import java.util.Arrays;
import java.util.List;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;
import org.veritally.stats.dist.Normal;

/**
 * Integer-percentage peaks (Kobak, Shpilkin &amp; Pshenichnikov 2016, "Integer percentages as electoral
 * falsification fingerprints", Annals of Applied Statistics 10(1):54-73): counts of stations whose turnout
 * ({@code ST-INTPCT-TURNOUT}) or leader's share ({@code ST-INTPCT-SHARE}) is an exact integer percentage,
 * against the count expected if the numbers were not written to a target.
 *
 * <p>The null used here (ours, simpler than the paper's Monte Carlo): a ratio k/n is an exact integer
 * percentage iff 100k is a multiple of n, that is iff k is a multiple of m = n / gcd(n, 100). If the
 * numerator's distribution is smooth on the scale of m voters, the station lands on an integer percentage
 * with probability p = 1/m = gcd(n, 100) / n. The expected count is Σ p, the variance Σ p(1 - p), and the
 * p-value of an excess is the normal tail of the continuity-corrected z (Lyapunov CLT for a sum of
 * independent Bernoulli variables). Stations with a denominator below {@code minDenominator} (default
 * {@value #DEFAULT_MIN_DENOMINATOR}), and ratios of exactly 0 or 1 or above 1 are left out: those are other
 * phenomena (and other rules). Stateless and thread-safe.
 */
public final class IntegerPercentPeaks {
    /** The default smallest denominator tested. */
    public static final long DEFAULT_MIN_DENOMINATOR = 100;

    private IntegerPercentPeaks() {}

    /** {@code ST-INTPCT-TURNOUT}: ballots cast over registered voters. */
    public static IntegerPercentResult turnout(List<StationCounts> stations, long minDenominator) {
        long[] num = new long[stations.size()];
        long[] den = new long[stations.size()];
        for (int i = 0; i < num.length; i++) {
            num[i] = stations.get(i).ballotsCast();
            den[i] = stations.get(i).registered();
        }
        return test(RuleId.ST_INTPCT_TURNOUT, num, den, minDenominator);
    }

    /** {@code ST-INTPCT-SHARE}: candidate {@code leader}'s votes over valid votes. */
    public static IntegerPercentResult leaderShare(List<StationCounts> stations, int leader, long minDenominator) {
        long[] num = new long[stations.size()];
        long[] den = new long[stations.size()];
        for (int i = 0; i < num.length; i++) {
            num[i] = stations.get(i).votes(leader);
            den[i] = stations.get(i).valid();
        }
        return test(RuleId.ST_INTPCT_SHARE, num, den, minDenominator);
    }

    /** The test on raw numerators and denominators. */
    public static IntegerPercentResult test(RuleId rule, long[] numerators, long[] denominators, long minDen) {
        if (numerators.length != denominators.length) {
            throw new IllegalArgumentException("numerators and denominators differ in length");
        }
        long[] byPercent = new long[101];
        long tested = 0;
        long observed = 0;
        double expected = 0;
        double variance = 0;
        for (int i = 0; i < numerators.length; i++) {
            long k = numerators[i];
            long n = denominators[i];
            if (n < Math.max(1, minDen) || k <= 0 || k >= n) {
                continue;
            }
            tested++;
            double p = (double) gcd(n, 100) / n;
            expected += p;
            variance += p * (1 - p);
            if (100 * k % n == 0) {
                observed++;
                byPercent[(int) (100 * k / n)]++;
            }
        }
        double z = variance == 0 ? 0 : (observed - expected - 0.5) / Math.sqrt(variance);
        double p = variance == 0 ? 1 : Normal.survival(z);
        return new IntegerPercentResult(
                rule,
                tested,
                observed,
                expected,
                variance,
                z,
                p,
                Arrays.stream(byPercent).boxed().toList(),
                rule.caveat());
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
