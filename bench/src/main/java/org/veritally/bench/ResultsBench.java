package org.veritally.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.server.Instance;

/**
 * In-process latency of {@code results} for a random unit of a data directory (default: a fresh
 * 20,000-station generated election; {@code -p data=DIR} to use an existing one, such as the
 * 1,000,000-sheet benchmark directory or Indonesia's 8.2 M sheets). Mode SampleTime reports the percentiles, p99
 * included.
 *
 * <p>Which units: {@code -p level=all} (the default) draws a level of the hierarchy uniformly, then a unit of that
 * level, so the nation and the provinces are read as often as the villages although they are few; {@code -p
 * level=K} reads units of level K only (0 the root). The contest is drawn uniformly among the election's, the view
 * is {@code official}. Seeded (7), so every run reads the same sequence.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResultsBench {
    @Param({""})
    public String data;

    @Param({"all"})
    public String level;

    Instance in;
    List<List<String>> byLevel;
    List<String> contests;
    SplittableRandom random;

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path dir;
        if (data.isEmpty()) {
            dir = Files.createTempDirectory("results-bench");
            var g = new org.veritally.formats.generate.SyntheticElection(20_000, 1, 6, 1, 42);
            var d = g.definition();
            in = Instance.open(dir);
            in.define().define(d, "bench", "bench");
            List<org.veritally.formats.csv.SheetRow> rows = new ArrayList<>();
            g.sheets(d, s -> rows.add(new org.veritally.formats.csv.SheetRow("r", Optional.of(s), List.of())));
            in.sequencer().submit(rows, "bench", new org.veritally.server.intake.DuplicateRows(), false);
        } else {
            in = Instance.open(Path.of(data));
        }
        byLevel = unitsByLevel(in, level);
        contests = in.state().requireElection().contests().stream()
                .map(c -> c.id())
                .toList();
        random = new SplittableRandom(7);
    }

    @TearDown(Level.Trial)
    public void close() {
        in.close();
    }

    /** The unit ids of each level (only level {@code which} kept unless it is {@code all}), none empty. */
    static List<List<String>> unitsByLevel(Instance in, String which) {
        List<List<String>> out = new ArrayList<>();
        for (var u : in.state().catalogue().units()) {
            while (out.size() <= u.level()) out.add(new ArrayList<>());
            out.get(u.level()).add(u.id());
        }
        if (which.equals("all")) return out.stream().filter(l -> !l.isEmpty()).toList();
        int k = Integer.parseInt(which);
        if (k < 0 || k >= out.size() || out.get(k).isEmpty())
            throw new IllegalArgumentException("no unit at level " + which);
        return List.of(out.get(k));
    }

    @Benchmark
    public UnitResult resultForRandomUnit() {
        List<String> units = byLevel.get(random.nextInt(byLevel.size()));
        String u = units.get(random.nextInt(units.size()));
        String c = contests.get(random.nextInt(contests.size()));
        return in.results().result(Optional.of(u), Optional.of(c), "official");
    }
}
