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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.veritally.translog.CompactRange;
import org.veritally.translog.ConsistencyProof;
import org.veritally.translog.InMemoryNodeStore;
import org.veritally.translog.InclusionProof;
import org.veritally.translog.LogHasher;
import org.veritally.translog.TreeAppender;
import org.veritally.translog.Verification;

/**
 * Proofs per second from a 1,000,000-leaf in-memory node store: building an inclusion proof for a
 * random leaf at a random size, building a consistency proof, and verifying an inclusion proof.
 * This is the receipt path, without the database round trip.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ProofBench -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ProofBench {

    static final int SIZE = 1_000_000;

    private InMemoryNodeStore store;
    private List<byte[]> leaves;
    private byte[] root;
    private InclusionProof sample;
    private final Random random = new Random(7);

    @Setup(Level.Trial)
    public void buildTree() {
        LogHasher hasher = LogHasher.create();
        leaves = new ArrayList<>(SIZE);
        byte[] entry = new byte[64];
        for (int i = 0; i < SIZE; i++) {
            random.nextBytes(entry);
            leaves.add(hasher.leafHash(entry));
        }
        store = new InMemoryNodeStore();
        var result = new TreeAppender().append(CompactRange.empty(), leaves);
        store.putAll(result.nodes());
        root = result.root();
        sample = InclusionProof.build(123_456, SIZE, store);
    }

    @Benchmark
    public InclusionProof inclusionProof() {
        long size = 1 + random.nextInt(SIZE);
        return InclusionProof.build((long) (random.nextDouble() * size), size, store);
    }

    @Benchmark
    public ConsistencyProof consistencyProof() {
        long m = 1 + random.nextInt(SIZE);
        return ConsistencyProof.build(m, SIZE, store);
    }

    @Benchmark
    public Verification verifyInclusion() {
        return sample.verify(leaves.get(123_456), root);
    }
}
