package org.veritally.bench;

import java.nio.file.Path;
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
import org.veritally.server.log.LogView;
import org.veritally.store.Store;
import org.veritally.translog.InclusionProof;

/**
 * An inclusion proof for a random entry of a stored log, read from the SQLite file as the server
 * does (tile-level nodes, one range query per tile level). Point {@code -p data=DIR} at a data
 * directory, e.g. the 1,000,000-sheet one that bench/serve-1m.sh builds. SampleTime: percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreProofBench {
    @Param({"bench/out/serve-1000000"})
    public String data;

    Store store;
    LogView log;
    long size;
    SplittableRandom random;

    @Setup(Level.Trial)
    public void open() {
        store = Store.openSqlite(Path.of(data).resolve("veritally.db"));
        log = new LogView(store);
        size = log.latest().orElseThrow().size();
        random = new SplittableRandom(11);
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public InclusionProof inclusionProofForRandomEntry() {
        return log.inclusion(random.nextLong(size), size);
    }
}
