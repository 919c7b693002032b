package org.veritally.stats.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;
import org.veritally.stats.dist.Normal;

/**
 * Integer-percentage peaks by the method of Kobak, Shpilkin &amp; Pshenichnikov (2016, "Integer percentages
 * as electoral falsification fingerprints", Annals of Applied Statistics 10(1):54-73): how many stations
 * report a turnout ({@code ST-INTPCT-TURNOUT}) or a candidate's share ({@code ST-INTPCT-SHARE}) at a whole
 * percentage, against the count expected when every station's figure is redrawn from a binomial around its
 * own ratio ({@link BinomialWindowNull}).
 *
 * <p>A station is at P% when its count is within half a ballot of P% of its denominator ({@link
 * WholePercent}), which is what writing "P %" with the nearest ballot count produces. Stations whose
 * denominator is below {@link IntegerPeakOptions#minDenominator()}, or whose figures are missing, are left
 * out. Every division is exact integer arithmetic. Stateless and thread-safe.
 */
public final class IntegerPercentPeaks {
    private IntegerPercentPeaks() {}

    /** {@code ST-INTPCT-TURNOUT}: ballots cast (or issued, by {@code options.turnout()}) over registered voters. */
    public static IntegerPercentResult turnout(List<StationCounts> stations, IntegerPeakOptions options) {
        long[] num = new long[stations.size()];
        long[] den = new long[stations.size()];
        for (int i = 0; i < num.length; i++) {
            StationCounts s = stations.get(i);
            num[i] = options.turnout() == TurnoutBallots.ISSUED ? s.ballotsIssued() : s.ballotsCast();
            den[i] = s.registered();
        }
        String what = options.turnout() == TurnoutBallots.ISSUED ? "ballots issued" : "ballots cast";
        return test(RuleId.ST_INTPCT_TURNOUT, Optional.empty(), what, "registered voters", num, den, options);
    }

    /** {@code ST-INTPCT-SHARE}: candidate {@code candidate}'s votes over all ballots cast or the valid votes. */
    public static IntegerPercentResult share(
            List<StationCounts> stations, int candidate, String candidateId, IntegerPeakOptions options) {
        long[] num = new long[stations.size()];
        long[] den = new long[stations.size()];
        for (int i = 0; i < num.length; i++) {
            StationCounts s = stations.get(i);
            num[i] = s.votes(candidate);
            den[i] = options.share() == ShareBase.VALID ? s.valid() : s.ballotsCast();
        }
        String of = options.share() == ShareBase.VALID ? "valid votes" : "ballots cast";
        return test(RuleId.ST_INTPCT_SHARE, Optional.of(candidateId), "votes of " + candidateId, of, num, den, options);
    }

    /**
     * The test on raw numerators and denominators. A station is tested when its denominator is at least the
     * minimum and 0 ≤ numerator ≤ denominator; others (missing figures, turnout over 100%) are excluded.
     */
    public static IntegerPercentResult test(
            RuleId rule,
            Optional<String> candidateId,
            String numerator,
            String denominator,
            long[] numerators,
            long[] denominators,
            IntegerPeakOptions options) {
        if (numerators.length != denominators.length) {
            throw new IllegalArgumentException("numerators and denominators differ in length");
        }
        int m = 0;
        for (int i = 0; i < numerators.length; i++) {
            if (tested(numerators[i], denominators[i], options.minDenominator())) {
                m++;
            }
        }
        long[] k = new long[m];
        long[] n = new long[m];
        long[] observed = new long[BinomialWindowNull.PERCENTS];
        for (int i = 0, j = 0; i < numerators.length; i++) {
            if (tested(numerators[i], denominators[i], options.minDenominator())) {
                k[j] = numerators[i];
                n[j] = denominators[i];
                int p = WholePercent.of(k[j], n[j]);
                if (p != WholePercent.NONE) {
                    observed[p]++;
                }
                j++;
            }
        }
        int r = options.replicates();
        long[] draws = BinomialWindowNull.simulate(k, n, r, options.seed());
        List<PercentExcess> byPercent = new ArrayList<>(BinomialWindowNull.PERCENTS);
        long[] totals = new long[r];
        long total = 0;
        for (int p = 0; p < BinomialWindowNull.PERCENTS; p++) {
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < r; i++) {
                long c = draws[i * BinomialWindowNull.PERCENTS + p];
                totals[i] += c;
                sum += c;
                sumSq += (double) c * c;
            }
            byPercent.add(new PercentExcess(p, observed[p], sum / r, sd(sum, sumSq, r)));
            total += observed[p];
        }
        double sum = 0;
        double sumSq = 0;
        long atLeast = 0;
        for (long t : totals) {
            sum += t;
            sumSq += (double) t * t;
            atLeast += t >= total ? 1 : 0;
        }
        double mean = sum / r;
        double sd = sd(sum, sumSq, r);
        double z = sd == 0 ? 0 : (total - mean) / sd;
        double p = sd == 0 ? 1 : Normal.survival((total - mean - 0.5) / sd);
        return new IntegerPercentResult(
                rule,
                candidateId,
                numerator,
                denominator,
                m,
                numerators.length - m,
                total,
                mean,
                sd,
                z,
                p,
                (1.0 + atLeast) / (1.0 + r),
                r,
                options.seed(),
                byPercent,
                rule.caveat());
    }

    private static boolean tested(long k, long n, long minDenominator) {
        return n >= minDenominator && k >= 0 && k <= n;
    }

    /** The sample standard deviation from a sum and a sum of squares of r values. */
    private static double sd(double sum, double sumSq, int r) {
        double var = (sumSq - sum * sum / r) / (r - 1);
        return Math.sqrt(Math.max(0, var));
    }
}
