package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.veritally.translog.Trees.hex;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Receipts from memory: proofs for the leaves of a batch, built from the edge before it and the
 * nodes it completed, equal the naive RFC 9162 PATH and never touch the store.
 */
class BatchHashReaderTest {
    /** A store that fails every read: the batch's proofs must not need it. */
    private static final HashReader NO_STORE = (level, index) -> {
        throw new AssertionError("read (" + level + ", " + index + ") from the store");
    };

    @Test
    void proofsOfEveryLeafOfABatchComeFromMemoryAndEqualTheNaivePath() {
        long seed = Trees.seed("proofsOfEveryLeafOfABatchComeFromMemoryAndEqualTheNaivePath");
        Random random = new Random(seed);
        int[][] cases = {
            {0, 1}, {0, 7}, {1, 1}, {255, 1}, {255, 2}, {256, 1}, {256, 300}, {1000, 24}, {1023, 2}, {65535, 3}
        };
        for (int k = 0; k < cases.length + 40; k++) {
            int before = k < cases.length ? cases[k][0] : random.nextInt(5000);
            int batch = k < cases.length ? cases[k][1] : 1 + random.nextInt(600);
            List<byte[]> leaves = Trees.randomLeaves(random, before + batch);
            NaiveMerkle naive = new NaiveMerkle(leaves);
            CompactRange edge = new TreeAppender()
                    .append(CompactRange.empty(), leaves.subList(0, before))
                    .range();
            AppendResult appended = new TreeAppender().append(edge, leaves.subList(before, before + batch));
            var reader = new BatchHashReader(edge, appended, NO_STORE);
            int size = before + batch;
            for (int i = before; i < size; i++) {
                var proof = InclusionProof.build(i, size, reader);
                assertThat(proof.hashes().stream().map(Trees::hex).toList())
                        .as("seed %d: leaf %d of %d (batch from %d)", seed, i, size, before)
                        .isEqualTo(naive.path(i, size).stream().map(Trees::hex).toList());
                assertThat(proof.verify(leaves.get(i), appended.root())).isInstanceOf(Verification.Verified.class);
            }
        }
    }

    @Test
    void aLeafBeforeTheBatchFallsBackToTheStore() {
        List<byte[]> leaves = Trees.byteLeaves(10);
        CompactRange edge = new TreeAppender()
                .append(CompactRange.empty(), leaves.subList(0, 6))
                .range();
        AppendResult appended = new TreeAppender().append(edge, leaves.subList(6, 10));
        assertThatThrownBy(() -> InclusionProof.build(5, 10, new BatchHashReader(edge, appended, NO_STORE)))
                .isInstanceOf(AssertionError.class);
        var proof = InclusionProof.build(5, 10, new BatchHashReader(edge, appended, Trees.store(leaves)));
        assertThat(hex(proof.hashes().get(0))).isEqualTo(hex(leaves.get(4)));
    }
}
