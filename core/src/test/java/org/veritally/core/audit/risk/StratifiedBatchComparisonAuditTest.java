package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

/**
 * ST-RLA-STRATA: a stratified MACRO audit, with its draws and risk derived by hand, and seeded simulations of
 * 1,000 audits each: a correct outcome confirms; a wrong one whose whole error sits in one stratum goes to a full
 * hand count in at least 1 - alpha of the runs.
 */
class StratifiedBatchComparisonAuditTest {
    static final String SEED = "dice 31415 92653";

    /**
     * Totals A 210, B 140, margin V = 70; u_p = (v_A - v_B + b_p) / 70: a 120/70, b 100/70 (stratum J0, U = 220/70),
     * c 150/70, d 80/70 (stratum J1, U = 230/70).
     */
    static List<ReportedBatch> batches() {
        return List.of(
                new ReportedBatch("a", "J0", 100, new long[] {60, 40}),
                new ReportedBatch("b", "J0", 100, new long[] {50, 50}),
                new ReportedBatch("c", "J1", 100, new long[] {70, 20}),
                new ReportedBatch("d", "J1", 80, new long[] {30, 30}));
    }

    static StratifiedBatchComparisonAudit audit() {
        return StratifiedBatchComparisonAudit.of(Macro.of(batches(), 1), List.of("J0", "J1"), SEED, 0.10, 3);
    }

    @Test
    void ST_RLA_STRATA_drawsAreTheStrataStreamsOfSha256SeedStratumDraw() {
        StratifiedBatchComparisonAudit a = audit();
        assertThat(a.bounds()).containsExactly(new double[] {220.0 / 70, 230.0 / 70}, within(1e-12));
        // D'Hondt on (220, 230): J1, J0, J1, J0, J1, J0
        assertThat(a.allocation(6)).containsExactly(3, 3);
        // python: x = (int(sha256(b"dice 31415 92653,J0,1").hexdigest()[:16], 16) >> 11) / 2**53
        // J0: x = 0.2147, 0.6657, 0.5627 of 220 (a below 120, b above) -> a, b, b
        // J1: x = 0.8054, 0.6589, 0.7028 of 230 (c below 150, d above) -> d, d, d
        int[][] d = a.draws(6);
        assertThat(d[0]).containsExactly(0, 1, 1);
        assertThat(d[1]).containsExactly(3, 3, 3);
        assertThat(a.stations(6)).containsExactly("a", "b", "d");
    }

    @Test
    void ST_RLA_STRATA_riskOfSixDrawsByHand() {
        Map<String, long[]> counts = new HashMap<>();
        counts.put("a", new long[] {60, 40});
        counts.put("b", new long[] {50, 50});
        counts.put("d", new long[] {25, 35}); // e = ((30 - 30) - (25 - 35)) / 70 = 10/70, taint 10/80 = 1/8
        // n = (3, 3): lambda_s = U_s - (U - 1)/2 = (30/70, 40/70); 1 - lambda_s/U_s = 19/22, 19/23;
        // P = (19/22 * 19/23)^3 / (1 - 1/8)^3 = (1444/1771)^3
        assertThat(audit().risk(6, counts)).isCloseTo(Math.pow(1444.0 / 1771, 3), within(1e-12));
        counts.remove("d");
        assertThat(audit().risk(6, counts)).isEqualTo(1.0); // a drawn station not counted: the worst case
    }

    @Test
    void ST_RLA_STRATA_roundOneTakesTheFewestDrawsThatConfirmWithNoDiscrepancy() {
        StratifiedBatchComparisonAudit a = audit();
        long n = a.initialDraws();
        double[] u = a.bounds();
        assertThat(StratifiedKaplanMarkov.pValue(u, zeros(a.allocation(n)))).isLessThanOrEqualTo(0.10);
        assertThat(StratifiedKaplanMarkov.pValue(u, zeros(a.allocation(n - 1)))).isGreaterThan(0.10);
    }

    static double[][] zeros(long[] n) {
        double[][] out = new double[n.length][];
        for (int s = 0; s < n.length; s++) out[s] = new double[(int) n[s]];
        return out;
    }

    @Test
    void ST_RLA_STRATA_aStationInNoListedStratumIsRefused() {
        assertThatThrownBy(() -> StratifiedBatchComparisonAudit.of(Macro.of(batches(), 1), List.of("J0"), SEED, 0.1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("station c is in no stratum");
    }

    static final int RUNS = 1000;
    static final double ALPHA = 0.10;

    /**
     * True votes of 160 stations in four strata (40 each), A's true share {@code shareA}; the reported sheets move
     * {@code moved} votes from B to A in every station of stratum J0 only.
     */
    record Election(List<ReportedBatch> sheets, Map<String, long[]> truth) {}

    static Election election(SplittableRandom random, double shareA, long moved) {
        List<ReportedBatch> sheets = new ArrayList<>();
        Map<String, long[]> truth = new HashMap<>();
        for (int i = 0; i < 160; i++) {
            long ballots = 300 + random.nextInt(300);
            long a = 0;
            for (long v = 0; v < ballots; v++) if (random.nextDouble() < shareA) a++;
            String stratum = "J" + (i / 40);
            long m = stratum.equals("J0") ? Math.min(moved, ballots - a) : 0;
            truth.put("st-" + i, new long[] {a, ballots - a});
            sheets.add(new ReportedBatch("st-" + i, stratum, ballots, new long[] {a + m, ballots - a - m}));
        }
        return new Election(sheets, truth);
    }

    static Decision run(Election e, String seed) {
        StratifiedBatchComparisonAudit a = StratifiedBatchComparisonAudit.of(
                Macro.of(e.sheets(), 1), List.of("J0", "J1", "J2", "J3"), seed, ALPHA, 3);
        long draws = a.initialDraws();
        Round r = null;
        for (int n = 1; n <= 3; n++) {
            r = a.round(n, draws, e.truth());
            if (r.decision() != Decision.NEXT_ROUND) break;
            draws = r.nextDraws();
        }
        return r.decision();
    }

    @Test
    void ST_RLA_STRATA_correctSheetsConfirmInEveryRun() {
        long seed = Seeds.seed("stratified MACRO simulation, correct", 2008L);
        Election e = election(new SplittableRandom(seed), 0.54, 0);
        int confirmed = 0;
        for (int run = 0; run < RUNS; run++) if (run(e, seed + " run " + run) == Decision.CONFIRMED) confirmed++;
        // the hand counts equal the sheets: every taint is 0 and round 1's draws confirm by construction
        assertThat(confirmed).isEqualTo(RUNS);
    }

    @Test
    void ST_RLA_STRATA_aWrongOutcomeWhoseErrorIsInOneStratumGoesToAFullHandCountInAtLeastOneMinusAlpha() {
        long seed = Seeds.seed("stratified MACRO simulation, wrong outcome", 2011L);
        // B truly wins 52-48 overall; 60 votes per station of J0 moved to A make A the reported winner
        Election e = election(new SplittableRandom(seed), 0.48, 60);
        Macro m = Macro.of(e.sheets(), 1);
        assertThat(m.outcome().winners())
                .as("the sheets report the wrong winner")
                .containsExactly(0);
        long trueA = 0;
        long trueB = 0;
        for (long[] t : e.truth().values()) {
            trueA += t[0];
            trueB += t[1];
        }
        assertThat(trueB).isGreaterThan(trueA);
        int full = 0;
        for (int run = 0; run < RUNS; run++) if (run(e, seed + " run " + run) == Decision.FULL_HAND_COUNT) full++;
        System.out.println("stratified MACRO, wrong outcome: full hand count in " + full + " of " + RUNS);
        assertThat(full).isGreaterThanOrEqualTo((int) Math.ceil((1 - ALPHA) * RUNS));
    }
}
