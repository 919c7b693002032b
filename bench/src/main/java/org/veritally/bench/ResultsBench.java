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
 * 1,000,000-sheet benchmark directory). Mode SampleTime reports the percentiles, p99 included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResultsBench {
    @Param({""})
    public String data;

    Instance in;
    List<String> units;
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
        units = new ArrayList<>();
        in.state().catalogue().units().forEach(u -> units.add(u.id()));
        random = new SplittableRandom(7);
    }

    @TearDown(Level.Trial)
    public void close() {
        in.close();
    }

    @Benchmark
    public UnitResult resultForRandomUnit() {
        String u = units.get(random.nextInt(units.size()));
        return in.results().result(Optional.of(u), Optional.empty(), "official");
    }
}
