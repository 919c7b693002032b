package org.veritally.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.veritally.core.audit.risk.AuditSampler;
import org.veritally.core.audit.risk.BallotPollingAudit;
import org.veritally.core.audit.risk.BatchComparisonAudit;
import org.veritally.core.audit.risk.Macro;
import org.veritally.core.audit.risk.ReportedBatch;
import org.veritally.core.audit.risk.Round;
import org.veritally.core.audit.risk.StratifiedBatchComparisonAudit;

/**
 * Risk-limiting audit (issue 19) over 1,000,000 synthetic stations, 5 choices, a 4-point margin (target under 1 s
 * each): drawing a round (PPEB for batch comparison, ballots for ballot polling) and computing a round's risk
 * from scratch (MACRO bounds of every station, the draws, the Kaplan–Markov or BRAVO risk). Fixed seed.
 * Run: {@code java -jar bench/target/benchmarks.jar RiskLimitingAudit -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class RiskLimitingAuditBench {
    private static final int STATIONS = 1_000_000;
    private static final double ALPHA = 0.05;
    private static final String SEED = "31415 92653 58979 32384";

    private List<ReportedBatch> batches;
    private double[] errorBounds;
    private long[] manifest;
    private long macroDraws;
    private long bravoDraws;
    private Map<String, long[]> handCounts;
    private Map<String, Map<Long, Integer>> readings;
    private List<String> strata;
    private long stratifiedDraws;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261207L);
        batches = new ArrayList<>(STATIONS);
        manifest = new long[STATIONS];
        double[] shares = {0.40, 0.36, 0.14, 0.06, 0.04};
        for (int i = 0; i < STATIONS; i++) {
            long ballots = 200 + random.nextInt(500);
            long[] votes = new long[shares.length];
            long left = ballots - random.nextInt(10);
            for (int c = 0; c < shares.length - 1; c++) {
                votes[c] = Math.min(
                        left, Math.round(left * shares[c] / sumFrom(shares, c) * (0.9 + 0.2 * random.nextDouble())));
                left -= votes[c];
            }
            votes[shares.length - 1] = left;
            batches.add(new ReportedBatch("st-" + i, "J" + (i % 34), ballots, votes));
            manifest[i] = ballots;
        }
        Macro macro = Macro.of(batches, 1);
        errorBounds = macro.errorBounds();
        BatchComparisonAudit audit = BatchComparisonAudit.of(macro, SEED, ALPHA, 3);
        macroDraws = audit.initialDraws();
        handCounts = new HashMap<>();
        for (String id : audit.stations(macroDraws)) {
            handCounts.put(id, batches.get(macro.indexOf(id).orElseThrow()).votes());
        }
        strata = new ArrayList<>();
        for (int s = 0; s < 34; s++) strata.add("J" + s);
        StratifiedBatchComparisonAudit stratified = StratifiedBatchComparisonAudit.of(macro, strata, SEED, ALPHA, 3);
        stratifiedDraws = stratified.initialDraws();
        for (String id : stratified.stations(stratifiedDraws)) {
            handCounts.put(id, batches.get(macro.indexOf(id).orElseThrow()).votes());
        }
        BallotPollingAudit polling = BallotPollingAudit.of(batches, 1, SEED, ALPHA, 3);
        bravoDraws = polling.initialDraws();
        readings = new HashMap<>();
        for (BallotPollingAudit.DrawnBallot d : polling.draws(bravoDraws)) {
            long[] v = batches.get(Integer.parseInt(d.stationId().substring(3))).votes();
            int choice = BallotPollingAudit.NO_VOTE;
            long upTo = 0;
            for (int c = 0; c < v.length; c++) {
                upTo += v[c];
                if (d.ballot() <= upTo) {
                    choice = c;
                    break;
                }
            }
            readings.computeIfAbsent(d.stationId(), k -> new HashMap<>()).put(d.ballot(), choice);
        }
        System.out.println("stations " + STATIONS + ", U " + macro.totalErrorBound() + ", MACRO draws " + macroDraws
                + ", BRAVO draws " + bravoDraws + ", stratified MACRO draws (34 strata) " + stratifiedDraws);
    }

    private static double sumFrom(double[] shares, int c) {
        double s = 0;
        for (int i = c; i < shares.length; i++) s += shares[i];
        return s;
    }

    /** PPEB draws of round 1 over the error bounds of every station. */
    @Benchmark
    public int[] sampleBatchComparison() {
        return AuditSampler.ppeb(SEED, errorBounds, 1, macroDraws);
    }

    /** Ballot draws of round 1 over the manifest of every station. */
    @Benchmark
    public long[][] sampleBallotPolling() {
        return AuditSampler.ballots(SEED, manifest, 1, bravoDraws);
    }

    /** Round 1's Kaplan–Markov risk from scratch: MACRO bounds of every station, the draws, the taints. */
    @Benchmark
    public Round riskBatchComparison() {
        BatchComparisonAudit audit = BatchComparisonAudit.of(Macro.of(batches, 1), SEED, ALPHA, 3);
        return audit.round(1, macroDraws, handCounts);
    }

    /**
     * Round 1's stratified Kaplan–Markov risk from scratch, 34 strata: MACRO bounds of every station, the strata's
     * bounds, the D'Hondt allocation, each stratum's draws, the taints and the maximum over splits.
     */
    @Benchmark
    public Round riskStratifiedBatchComparison() {
        return StratifiedBatchComparisonAudit.of(Macro.of(batches, 1), strata, SEED, ALPHA, 3)
                .round(1, stratifiedDraws, handCounts);
    }

    /** Round 1's BRAVO risk from scratch: the manifest, the draws, the sequential test. */
    @Benchmark
    public Round riskBallotPolling() {
        return BallotPollingAudit.of(batches, 1, SEED, ALPHA, 3).round(1, bravoDraws, readings);
    }
}
