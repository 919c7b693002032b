package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

/**
 * BRAVO (Lindeman, Stark &amp; Yates 2012). Its Table 1 (ASN and simulated quantiles by margin, alpha = 10%) and
 * the tables of Lindeman &amp; Stark's "Gentle Introduction" (2012) were not found in the reference corpus, so
 * the average sample number is checked against an independent evaluation of BRAVO's equation (5) in its
 * two-candidate margin form (computed outside Java, values below), and against a seeded simulation of the
 * test itself.
 */
class BravoTest {

    static Bravo twoCandidates(double margin) {
        long w = Math.round(500_000 * (1 + margin));
        long l = 1_000_000 - w;
        return Bravo.of(new long[] {w, l}, 1, 1_000_000);
    }

    @Test
    void ST_RLA_BRAVO_averageSampleNumberAgreesWithEquation5InMarginForm() {
        // ASN = (ln(1/alpha) + ln(1+m)/2) / (((1+m)/2) ln(1+m) + ((1-m)/2) ln(1-m)), alpha = 10%
        double[][] expected = {
            {0.40, 30.028375965881597},
            {0.30, 53.254669288322624},
            {0.20, 118.88178890322517},
            {0.10, 469.2627866518575},
            {0.05, 1860.8080270083865},
            {0.02, 11561.661132450958},
            {0.01, 46150.43596371177},
        };
        for (double[] row : expected) {
            Bravo b = twoCandidates(row[0]);
            assertThat(b.averageSampleNumber(0, 1, 0.10))
                    .as("margin %s", row[0])
                    .isCloseTo(row[1], within(1e-6 * row[1]));
        }
        assertThat(twoCandidates(0.20).initialSampleSize(0.10)).isEqualTo(119);
        assertThat(twoCandidates(0.10).initialSampleSize(0.10)).isEqualTo(470);
    }

    @Test
    void ST_RLA_BRAVO_invalidBallotsDiluteTheSharesInTheAverageSampleNumber() {
        // 600 for w, 300 for l, 100 blank or invalid of 1000 ballots, alpha = 5%: 61.597 (independent evaluation)
        Bravo b = Bravo.of(new long[] {600, 300}, 1, 1000);
        assertThat(b.averageSampleNumber(0, 1, 0.05)).isCloseTo(61.59684341551512, within(1e-9));
    }

    static int[] sequence(int... runs) {
        // pairs of (reading, count)
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < runs.length; i += 2) for (int j = 0; j < runs[i + 1]; j++) out.add(runs[i]);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void ST_RLA_BRAVO_statisticMultipliesTwoSForTheWinnerAndTwoOneMinusSForTheLoser() {
        Bravo b = Bravo.of(new long[] {600, 400, 0}, 1, 1000);
        // 40 ballots for l, 7 blank, then 56 for w: T = 1.2^56 0.8^40 at the end, its largest value: risk 0.276854
        assertThat(b.risk(sequence(1, 40, Bravo.NO_VOTE, 7, 0, 56))).isCloseTo(0.27685396114833005, within(1e-12));
        // a ballot not found counts for every loser: here also for the third choice, reported with no votes,
        // whose pair then can never be confirmed
        assertThat(b.risk(sequence(1, 39, Bravo.MISSING, 1, 0, 56))).isEqualTo(1);
        Bravo two = Bravo.of(new long[] {600, 400}, 1, 1000);
        assertThat(two.risk(sequence(1, 39, Bravo.MISSING, 1, 0, 56))).isCloseTo(0.27685396114833005, within(1e-12));
        assertThat(b.risk(new int[0])).isEqualTo(1);
    }

    @Test
    void ST_RLA_BRAVO_riskIsTheSmallestOverThePrefixesOfTheSequence() {
        Bravo b = Bravo.of(new long[] {600, 400}, 1, 1000);
        // 20 for w first: T = 1.2^20 = 38.34, then 20 for l bring T down; the audit could have stopped at 20
        double atTwenty = Math.pow(1.2, -20);
        assertThat(b.risk(sequence(0, 20, 1, 20))).isCloseTo(atTwenty, within(1e-15));
        // 20 for l first: T falls, and 20 for w do not bring it back above 1 (1.2 x 0.8 < 1)
        assertThat(b.risk(sequence(1, 20, 0, 20))).isEqualTo(1);
    }

    @Test
    void ST_RLA_BRAVO_multiWinnerRiskIsTheWorstPair() {
        Bravo b = Bravo.of(new long[] {500, 400, 100}, 1, 1000);
        int[] sample = sequence(2, 10, 1, 40, 0, 60);
        double vsSecond = Math.exp(-(60 * Math.log(2 * 5.0 / 9) + 40 * Math.log(2 * 4.0 / 9)));
        double vsThird = Math.exp(-(60 * Math.log(2 * 5.0 / 6) + 10 * Math.log(2 * 1.0 / 6)));
        assertThat(b.risk(sample)).isCloseTo(Math.min(1, Math.max(vsSecond, vsThird)), within(1e-12));
    }

    @Test
    void ST_RLA_BRAVO_simulatedMeanStoppingTimeIsNearTheAverageSampleNumber() {
        long seed = Seeds.seed("BRAVO ASN simulation", 2012L);
        SplittableRandom random = new SplittableRandom(seed);
        double alpha = 0.10;
        for (double margin : new double[] {0.4, 0.2}) {
            Bravo b = twoCandidates(margin);
            double p = (1 + margin) / 2;
            double s = b.share(0, 1);
            long total = 0;
            int runs = 2000;
            for (int run = 0; run < runs; run++) {
                double logT = 0;
                int n = 0;
                while (logT < Math.log(1 / alpha)) {
                    n++;
                    logT += random.nextDouble() < p ? Math.log(2 * s) : Math.log(2 * (1 - s));
                }
                total += n;
            }
            double mean = (double) total / runs;
            double asn = b.averageSampleNumber(0, 1, alpha);
            System.out.printf("BRAVO margin %.2f: simulated mean %.1f, ASN %.1f%n", margin, mean, asn);
            // Wald's approximation ignores the overshoot of the last step: the mean is a little above the ASN
            assertThat(mean).isBetween(asn * 0.95, asn * 1.15);
        }
    }

    @Test
    void ST_RLA_BRAVO_refusesMoreVotesThanBallotsAndATie() {
        assertThatThrownBy(() -> Bravo.of(new long[] {600, 500}, 1, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bravo.of(new long[] {500, 500}, 1, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tie");
    }
}
