package org.veritally.stats.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.stats.RuleId;

class IntegerPercentPeaksTest {

    private static IntegerPercentResult turnout(long[] k, long[] n, long seed) {
        return IntegerPercentPeaks.test(
                RuleId.ST_INTPCT_TURNOUT,
                Optional.empty(),
                "ballots cast",
                "registered voters",
                k,
                n,
                IntegerPeakOptions.defaults(seed));
    }

    @Test
    void ST_INTPCT_TURNOUT_minimalCaseEightyFivePercentWrittenByNearestBallotIsFlaggedBelowOneInAMillion() {
        long seed = 2016;
        System.out.println("ST-INTPCT minimal case seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        long[] n = new long[2000];
        long[] k = new long[2000];
        for (int i = 0; i < n.length; i++) {
            n[i] = 1751 + random.nextInt(9);
            k[i] = (85 * n[i] + 50) / 100; // 85 % of n to the nearest ballot: 1,755 -> 1,492 (85.01 %)
        }
        IntegerPercentResult r = turnout(k, n, seed);
        assertThat(r.stations()).isEqualTo(2000);
        assertThat(r.observed()).isEqualTo(2000);
        assertThat(r.byPercent().get(85).observed()).isEqualTo(2000);
        assertThat(r.pValue()).isLessThan(1e-6);
        assertThat(r.z()).isGreaterThan(20);
        assertThat(r.byPercent().get(85).excess()).isGreaterThan(1900);
        System.out.printf(
                "minimal case: observed %d, expected %.1f ± %.1f, z = %.1f, p = %.3g%n",
                r.observed(), r.expected(), r.sd(), r.z(), r.pValue());
    }

    @Test
    void ST_INTPCT_TURNOUT_cleanSeededElectionIsNotFlaggedAtOnePercentInAtLeast98Of100Seeds() {
        int flagged = 0;
        for (long seed = 1; seed <= 100; seed++) {
            long[][] e = CleanCounts.turnouts(seed, 5000);
            IntegerPercentResult r = turnout(e[0], e[1], seed);
            if (r.pValue() < 0.01) {
                flagged++;
                System.out.println("ST-INTPCT clean seed " + seed + " flagged: p = " + r.pValue());
            }
        }
        System.out.println("ST-INTPCT clean elections flagged at 1%: " + flagged + " of 100 (seeds 1..100)");
        assertThat(flagged).isLessThanOrEqualTo(2);
    }

    @Test
    void ST_INTPCT_TURNOUT_sameSeedSameResultAndTheSeedIsReported() {
        long[][] e = CleanCounts.turnouts(5, 20_000);
        IntegerPercentResult a = turnout(e[0], e[1], 77);
        assertThat(turnout(e[0], e[1], 77)).isEqualTo(a);
        assertThat(a.seed()).isEqualTo(77);
        assertThat(a.replicates()).isEqualTo(100);
        assertThat(a.byPercent()).hasSize(101);
        assertThat(a.byPercent().stream().mapToLong(PercentExcess::observed).sum())
                .isEqualTo(a.observed());
        assertThat(a.byPercent().stream().mapToDouble(PercentExcess::expected).sum())
                .isCloseTo(a.expected(), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void ST_INTPCT_TURNOUT_leavesOutSmallDenominatorsAndImpossibleRatios() {
        IntegerPercentResult r = turnout(new long[] {50, 300, 120, -1}, new long[] {99, 300, 100, 400}, 1);
        assertThat(r.stations()).isEqualTo(1);
        assertThat(r.excluded()).isEqualTo(3);
        // 300/300 is at 100 % in the data and in every replicate (p = 1): no excess, no variance.
        assertThat(r.byPercent().get(100).observed()).isEqualTo(1);
        assertThat(r.byPercent().get(100).expected()).isEqualTo(1);
    }

    @Test
    void ST_INTPCT_SHARE_smoothSharesPassAndSharesWrittenToSeventyPercentFail() {
        long seed = 17L;
        System.out.println("ST-INTPCT share seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        int size = 40_000;
        long[] num = new long[size];
        long[] den = new long[size];
        for (int i = 0; i < size; i++) {
            den[i] = 100 + random.nextInt(1500);
            double share = 0.2 + 0.2 * (random.nextDouble() + random.nextDouble() + random.nextDouble());
            num[i] = CleanCounts.binomialApprox(random, den[i], share);
        }
        IntegerPeakOptions o = IntegerPeakOptions.defaults(seed);
        IntegerPercentResult fair = IntegerPercentPeaks.test(
                RuleId.ST_INTPCT_SHARE, Optional.of("A"), "votes of A", "ballots cast", num, den, o);
        assertThat(fair.pValue()).isGreaterThan(1e-3);
        for (int i = 0; i < size; i += 50) {
            num[i] = (70 * den[i] + 50) / 100;
        }
        IntegerPercentResult targeted = IntegerPercentPeaks.test(
                RuleId.ST_INTPCT_SHARE, Optional.of("A"), "votes of A", "ballots cast", num, den, o);
        assertThat(targeted.pValue()).isLessThan(1e-10);
        assertThat(targeted.byPercent().get(70).excess()).isGreaterThan(700);
        assertThat(targeted.candidateId()).contains("A");
    }
}
