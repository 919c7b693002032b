package org.veritally.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.veritally.stats.CandidateSet;
import org.veritally.stats.StationCounts;
import org.veritally.stats.quickcount.ConsistentSampler;
import org.veritally.stats.quickcount.FrameStation;
import org.veritally.stats.quickcount.QuickCount;
import org.veritally.stats.quickcount.QuickCountEstimate;
import org.veritally.stats.quickcount.SamplePlan;
import org.veritally.stats.report.Forensics;
import org.veritally.stats.report.ForensicsOptions;
import org.veritally.stats.report.ForensicsReport;

/**
 * Statistics at Indonesia-like scale: every station-level forensic check on 1,000,000 synthetic stations,
 * including the integer-percentage Monte Carlo at 100 replicates (target under 10 s on 2 cores), and a
 * quick-count estimate from a 5,000-station sample (target under 50 ms).
 * Synthetic data from a fixed seed: 10 candidates, centres of eight stations
 * that share a lean, 34 strata.
 * Run: {@code java -jar bench/target/benchmarks.jar Forensics -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ForensicsBench {
    private static final long SEED = 20240728L;
    private static final int STATIONS = 1_000_000;
    private static final int SAMPLE = 5_000;
    private static final CandidateSet CANDIDATES = CandidateSet.ofIds("A", "B", "C", "D", "E", "F", "G", "H", "I", "J");

    private List<StationCounts> stations;
    private SamplePlan plan;
    private List<StationCounts> sampledSheets;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(SEED);
        stations = new ArrayList<>(STATIONS);
        List<FrameStation> frame = new ArrayList<>(STATIONS);
        double centreLean = 0.5;
        for (int i = 0; i < STATIONS; i++) {
            String stratum = "S" + (i % 34);
            long registered = 200 + random.nextInt(600);
            long cast = Math.round(registered * (0.45 + 0.3 * random.nextDouble()));
            long[] votes = new long[10];
            if (i % 8 == 0) {
                centreLean = 0.35 + 0.3 * random.nextDouble();
            }
            double a = centreLean + 0.04 * (random.nextDouble() - 0.5);
            double b = (1 - a) * (0.7 + 0.2 * random.nextDouble());
            long valid = cast - random.nextInt(5);
            votes[0] = Math.round(valid * a);
            votes[1] = Math.min(valid - votes[0], Math.round(valid * b));
            long left = valid - votes[0] - votes[1];
            for (int c = 2; c < 10 && left > 0; c++) {
                long v = c == 9 ? left : random.nextLong(left + 1) / 2;
                votes[c] = v;
                left -= v;
            }
            String id = "st-" + i;
            stations.add(new StationCounts(id, "c-" + i / 8, stratum, registered, cast, votes));
            frame.add(new FrameStation(id, stratum));
        }
        plan = ConsistentSampler.plan("bench seed", frame, SAMPLE);
        java.util.Map<String, StationCounts> byId = new java.util.HashMap<>();
        stations.forEach(s -> byId.put(s.stationId(), s));
        sampledSheets =
                plan.stations().stream().map(s -> byId.get(s.stationId())).toList();
    }

    /** Every forensic check on a million stations. */
    @Benchmark
    public ForensicsReport allForensicsOnMillionStations() {
        return Forensics.run(stations, CANDIDATES, ForensicsOptions.defaults(SEED));
    }

    /** The two integer-percentage tests alone, each with its 100-replicate binomial Monte Carlo. */
    @Benchmark
    public Object integerPeaksOnMillionStations() {
        var o = org.veritally.stats.fingerprint.IntegerPeakOptions.defaults(SEED);
        return List.of(
                org.veritally.stats.fingerprint.IntegerPercentPeaks.turnout(stations, o),
                org.veritally.stats.fingerprint.IntegerPercentPeaks.share(stations, 0, "A", o));
    }

    /** A quick count: 5,000 sampled sheets arrive, then one estimate. */
    @Benchmark
    public QuickCountEstimate quickCountFromFiveThousandSheets() {
        QuickCount qc = new QuickCount(plan, CANDIDATES);
        for (StationCounts s : sampledSheets) {
            qc.accept(s);
        }
        return qc.estimate(2.58);
    }
}
