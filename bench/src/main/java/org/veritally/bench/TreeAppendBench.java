package org.veritally.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.veritally.translog.AppendResult;
import org.veritally.translog.CompactRange;
import org.veritally.translog.InMemoryNodeStore;
import org.veritally.translog.LogHasher;
import org.veritally.translog.TreeAppender;

/**
 * Leaves per second for the sequencer's append path: {@link TreeAppender} over batches of {@value
 * #BATCH} leaves, storing every new full node in an in-memory sink. The score is leaves/s (one
 * operation = one leaf). Target: at least 500,000 leaves/s.
 *
 * <p>{@code appendLeafHashes} starts from precomputed leaf hashes (node hashing and the node list
 * only); {@code hashAndAppendEntries} also computes the leaf hashes of 300-byte entries, about the
 * size of a canonical tally sheet.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TreeAppend -f 1 -wi 2 -i 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TreeAppendBench {

    static final int BATCH = 1000;
    static final int ENTRY_SIZE = 300;

    private final TreeAppender appender = new TreeAppender();
    private List<byte[]> leafHashes;
    private List<byte[]> entries;
    private CompactRange range;
    private InMemoryNodeStore sink;

    @Setup(Level.Trial)
    public void inputs() {
        Random random = new Random(42);
        LogHasher hasher = LogHasher.create();
        leafHashes = new ArrayList<>(BATCH);
        entries = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            byte[] entry = new byte[ENTRY_SIZE];
            random.nextBytes(entry);
            entries.add(entry);
            leafHashes.add(hasher.leafHash(entry));
        }
    }

    /** A fresh tree and sink each iteration, so the sink's memory stays bounded. */
    @Setup(Level.Iteration)
    public void freshTree() {
        range = CompactRange.empty();
        sink = new InMemoryNodeStore();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public CompactRange appendLeafHashes() {
        AppendResult r = appender.append(range, leafHashes);
        sink.putAll(r.nodes());
        range = r.range();
        return range;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public CompactRange hashAndAppendEntries() {
        AppendResult r = appender.appendEntries(range, entries);
        sink.putAll(r.nodes());
        range = r.range();
        return range;
    }
}
