package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

/**
 * Seeded simulations of whole audits, 1,000 runs each (each run its own public seed): a correct outcome stops
 * in round 1 at the rate the method predicts; a wrong one (sheets altered so the loser is reported as the winner)
 * goes to a full hand count in at least 1 - alpha of the runs.
 */
class AuditSimulationTest {
    static final int RUNS = 1000;
    static final double ALPHA = 0.10;

    /** True votes per station: {for A, for B, ballots}; 200 stations, A's true share of the votes {@code shareA}. */
    static long[][] truth(SplittableRandom random, double shareA) {
        long[][] out = new long[200][];
        for (int i = 0; i < out.length; i++) {
            long ballots = 300 + random.nextInt(400);
            long voted = ballots - random.nextInt(30);
            long a = 0;
            for (long v = 0; v < voted; v++) if (random.nextDouble() < shareA) a++;
            out[i] = new long[] {a, voted - a, ballots};
        }
        return out;
    }

    static List<ReportedBatch> sheets(long[][] truth, long moveFromBToA) {
        List<ReportedBatch> out = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            long moved = Math.min(moveFromBToA, truth[i][1]);
            out.add(new ReportedBatch(
                    "st-" + i, "J" + (i % 4), truth[i][2], new long[] {truth[i][0] + moved, truth[i][1] - moved}));
        }
        return out;
    }

    static Map<String, long[]> handCounts(long[][] truth) {
        Map<String, long[]> out = new HashMap<>();
        for (int i = 0; i < truth.length; i++) out.put("st-" + i, new long[] {truth[i][0], truth[i][1]});
        return out;
    }

    static Decision runMacro(List<ReportedBatch> sheets, Map<String, long[]> counts, String seed) {
        List<Round> rounds =
                BatchComparisonAudit.of(Macro.of(sheets, 1), seed, ALPHA, 3).rounds(3, counts);
        return rounds.get(rounds.size() - 1).decision();
    }

    @Test
    void ST_RLA_MACRO_correctSheetsStopInRoundOneInEveryRun() {
        long seed = Seeds.seed("MACRO simulation, correct", 1901L);
        long[][] truth = truth(new SplittableRandom(seed), 0.53);
        List<ReportedBatch> sheets = sheets(truth, 0);
        Macro macro = Macro.of(sheets, 1);
        Map<String, long[]> counts = handCounts(truth);
        int stopped = 0;
        for (int run = 0; run < RUNS; run++) {
            BatchComparisonAudit audit = BatchComparisonAudit.of(macro, seed + " run " + run, ALPHA, 3);
            if (audit.round(1, audit.initialDraws(), counts).decision() == Decision.CONFIRMED) stopped++;
        }
        // with no discrepancy, the initial draws bring P below alpha by construction: expected rate 1
        assertThat(stopped).isEqualTo(RUNS);
    }

    @Test
    void ST_RLA_MACRO_alteredSheetsGoToAFullHandCountInAtLeastOneMinusAlphaOfRuns() {
        long seed = Seeds.seed("MACRO simulation, wrong outcome", 1902L);
        long[][] truth = truth(new SplittableRandom(seed), 0.48);
        // 25 votes per station moved from B (the true winner) to A: A reported ahead
        List<ReportedBatch> sheets = sheets(truth, 25);
        Macro macro = Macro.of(sheets, 1);
        assertThat(macro.outcome().winners()).containsExactly(0);
        Map<String, long[]> counts = handCounts(truth);
        int full = 0;
        for (int run = 0; run < RUNS; run++) {
            if (runMacro(sheets, counts, seed + " run " + run) == Decision.FULL_HAND_COUNT) full++;
        }
        System.out.println("MACRO wrong outcome: full hand count in " + full + " of " + RUNS);
        assertThat(full).isGreaterThanOrEqualTo((int) Math.ceil((1 - ALPHA) * RUNS));
    }

    /** Draws {@code n} ballots of {@code audit} and reads each from the true ballots of its station. */
    static Map<String, Map<Long, Integer>> read(BallotPollingAudit audit, long n, long[][] truth) {
        Map<String, Map<Long, Integer>> out = new HashMap<>();
        for (BallotPollingAudit.DrawnBallot d : audit.draws(n)) {
            long[] t = truth[Integer.parseInt(d.stationId().substring(3))];
            int choice = d.ballot() <= t[0] ? 0 : d.ballot() <= t[0] + t[1] ? 1 : BallotPollingAudit.NO_VOTE;
            out.computeIfAbsent(d.stationId(), k -> new HashMap<>()).put(d.ballot(), choice);
        }
        return out;
    }

    @Test
    void ST_RLA_BRAVO_correctOutcomeStopsInRoundOneAtTheExactRate() {
        long seed = Seeds.seed("BRAVO simulation, correct", 1903L);
        long[][] truth = truth(new SplittableRandom(seed), 0.58);
        List<ReportedBatch> sheets = sheets(truth, 0);
        long[] totals = new long[2];
        long ballots = 0;
        for (long[] t : truth) {
            totals[0] += t[0];
            totals[1] += t[1];
            ballots += t[2];
        }
        int stopped = 0;
        long n = 0;
        for (int run = 0; run < RUNS; run++) {
            BallotPollingAudit audit = BallotPollingAudit.of(sheets, 1, seed + " run " + run, ALPHA, 3);
            n = audit.initialDraws();
            if (audit.round(1, n, read(audit, n, truth)).decision() == Decision.CONFIRMED) stopped++;
        }
        double expected = stopWithin(
                (double) totals[0] / ballots,
                (double) totals[1] / ballots,
                (double) totals[0] / (totals[0] + totals[1]),
                (int) n);
        double sd = Math.sqrt(RUNS * expected * (1 - expected));
        System.out.printf(
                "BRAVO correct outcome: %d of %d stopped within %d draws; exact rate %.4f%n",
                stopped, RUNS, n, expected);
        assertThat((double) stopped).isBetween(RUNS * expected - 4 * sd, RUNS * expected + 4 * sd);
    }

    /**
     * The exact chance that BRAVO stops within n draws (an independent reference: dynamic programming over the
     * counts of ballots for w and l drawn so far).
     */
    static double stopWithin(double pw, double pl, double s, int n) {
        double target = Math.log(1 / ALPHA);
        double lw = Math.log(2 * s);
        double ll = Math.log(2 - 2 * s);
        double[][] alive = new double[n + 1][n + 1];
        alive[0][0] = 1;
        double stopped = 0;
        for (int step = 0; step < n; step++) {
            double[][] next = new double[n + 1][n + 1];
            for (int w = 0; w <= step; w++) {
                for (int l = 0; w + l <= step; l++) {
                    double p = alive[w][l];
                    if (p == 0) continue;
                    next[w][l] += p * (1 - pw - pl);
                    if ((w + 1) * lw + l * ll >= target) stopped += p * pw;
                    else next[w + 1][l] += p * pw;
                    next[w][l + 1] += p * pl;
                }
            }
            alive = next;
        }
        return stopped;
    }

    @Test
    void ST_RLA_BRAVO_alteredSheetsGoToAFullHandCountInAtLeastOneMinusAlphaOfRuns() {
        long seed = Seeds.seed("BRAVO simulation, wrong outcome", 1904L);
        long[][] truth = truth(new SplittableRandom(seed), 0.48);
        List<ReportedBatch> sheets = sheets(truth, 40);
        int full = 0;
        for (int run = 0; run < RUNS; run++) {
            BallotPollingAudit audit = BallotPollingAudit.of(sheets, 1, seed + " run " + run, ALPHA, 3);
            long n = audit.initialDraws();
            for (int r = 1; r <= 3; r++) {
                Round round = audit.round(r, n, read(audit, n, truth));
                if (round.decision() == Decision.FULL_HAND_COUNT) full++;
                if (round.decision() != Decision.NEXT_ROUND) break;
                n = round.nextDraws();
            }
        }
        System.out.println("BRAVO wrong outcome: full hand count in " + full + " of " + RUNS);
        assertThat(full).isGreaterThanOrEqualTo((int) Math.ceil((1 - ALPHA) * RUNS));
    }
}
