package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.translog.Trees.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Inclusion and consistency proofs built from stored perfect subtrees agree with the naive RFC
 * 9162 PATH and PROOF, verify, need O(log n) reads in one batch, and fail with the right rule when
 * attacked.
 */
class ProofTest {

    static final int SIZE = 4100;
    static long seed;
    static List<byte[]> leaves;
    static NaiveMerkle naive;
    static MapHashReader store;

    @BeforeAll
    static void tree() {
        seed = Trees.seed("ProofTest");
        leaves = Trees.randomLeaves(new Random(seed), SIZE);
        naive = new NaiveMerkle(leaves);
        store = Trees.store(leaves);
    }

    @Test
    @DisplayName("LOG-INC: random (index, size) proofs equal naive PATH, verify, and read O(log n) nodes in one batch")
    void inclusionAgreesWithNaive() {
        Random random = new Random(seed + 1);
        for (int i = 0; i < 400; i++) {
            int size = 1 + random.nextInt(SIZE);
            int index = random.nextInt(size);
            store.resetCounters();
            InclusionProof proof = InclusionProof.build(index, size, store);
            assertThat(store.batches).isEqualTo(1);
            assertThat(store.reads).isLessThanOrEqualTo(2 * 64);
            assertThat(proof.hashes())
                    .map(Trees::hex)
                    .as("seed %d index %d size %d", seed, index, size)
                    .isEqualTo(naive.path(index, size).stream().map(Trees::hex).toList());
            assertThat(proof.verify(leaves.get(index), naive.mth(0, size)).isVerified())
                    .isTrue();
        }
    }

    @Test
    @DisplayName("LOG-CON: random (m, n) proofs equal naive PROOF, verify, and read O(log n) nodes in one batch")
    void consistencyAgreesWithNaive() {
        Random random = new Random(seed + 2);
        for (int i = 0; i < 400; i++) {
            int n = 1 + random.nextInt(SIZE);
            int m = 1 + random.nextInt(n);
            store.resetCounters();
            ConsistencyProof proof = ConsistencyProof.build(m, n, store);
            assertThat(store.reads).isLessThanOrEqualTo(2 * 64);
            assertThat(proof.hashes())
                    .map(Trees::hex)
                    .as("seed %d m %d n %d", seed, m, n)
                    .isEqualTo(naive.proof(m, n).stream().map(Trees::hex).toList());
            assertThat(proof.verify(naive.mth(0, m), naive.mth(0, n)).isVerified())
                    .isTrue();
        }
    }

    @Test
    @DisplayName("every (index, size) and (m, n) up to 40 leaves round-trips")
    void exhaustiveSmallTrees() {
        for (int n = 1; n <= 40; n++) {
            byte[] root = naive.mth(0, n);
            for (int i = 0; i < n; i++) {
                assertThat(InclusionProof.build(i, n, store)
                                .verify(leaves.get(i), root)
                                .isVerified())
                        .isTrue();
            }
            for (int m = 0; m <= n; m++) {
                ConsistencyProof p = ConsistencyProof.build(m, n, store);
                assertThat(p.verify(naive.mth(0, m), root).isVerified())
                        .as("m %d n %d", m, n)
                        .isTrue();
            }
        }
    }

    @Test
    @DisplayName("LOG-INC-2: a flipped byte anywhere in the proof fails the root check")
    void LOG_INC_2_flippedProofByte() {
        InclusionProof good = InclusionProof.build(1234, 4000, store);
        byte[] root = naive.mth(0, 4000);
        for (int h = 0; h < good.hashes().size(); h++) {
            List<byte[]> bad = good.hashes();
            bad.get(h)[h % 32] ^= 0x01;
            Verification v = InclusionVerifier.verify(1234, 4000, leaves.get(1234), bad, root);
            assertThat(v.failed(Rule.LOG_INC_2)).as("%s", v).isTrue();
            assertThat(v.failures().get(0).expected()).isEqualTo(hex(root));
        }
    }

    @Test
    @DisplayName("LOG-INC-2 / LOG-INC-3: wrong index, wrong size, wrong leaf")
    void LOG_INC_wrongIndexSizeLeaf() {
        InclusionProof good = InclusionProof.build(1234, 4000, store);
        byte[] root = naive.mth(0, 4000);
        List<byte[]> path = good.hashes();
        assertThat(InclusionVerifier.verify(1235, 4000, leaves.get(1234), path, root)
                        .failed(Rule.LOG_INC_2))
                .isTrue();
        // A size whose tree has the same shape around the leaf gives the same root: the size is bound
        // by the signed checkpoint, not by the proof (any size in (2048, 4096] verifies here). Sizes
        // that change the shape must fail.
        for (long wrongSize : new long[] {1235, 2000, 2048, 8000}) {
            Verification v = InclusionVerifier.verify(1234, wrongSize, leaves.get(1234), path, root);
            assertThat(v.failed(Rule.LOG_INC_2) || v.failed(Rule.LOG_INC_3))
                    .as("size %d: %s", wrongSize, v)
                    .isTrue();
        }
        assertThat(InclusionVerifier.verify(1234, 2000, leaves.get(1234), path, root)
                        .failed(Rule.LOG_INC_3))
                .isTrue();
        assertThat(InclusionVerifier.verify(1234, 4000, leaves.get(1235), path, root)
                        .failed(Rule.LOG_INC_2))
                .isTrue();
    }

    @Test
    @DisplayName("LOG-INC-1 / LOG-INC-3 / LOG-INC-4: index out of range, extra hash, short hash")
    void LOG_INC_1_3_4() {
        List<byte[]> path = InclusionProof.build(3, 8, store).hashes();
        byte[] root = naive.mth(0, 8);
        assertThat(InclusionVerifier.verify(8, 8, leaves.get(3), path, root).failed(Rule.LOG_INC_1))
                .isTrue();
        assertThat(InclusionVerifier.verify(-1, 8, leaves.get(3), path, root).failed(Rule.LOG_INC_1))
                .isTrue();
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(root);
        Verification v = InclusionVerifier.verify(3, 8, leaves.get(3), longer, root);
        assertThat(v.failed(Rule.LOG_INC_3)).isTrue();
        assertThat(v.failures().get(0).expected()).isEqualTo("3");
        assertThat(v.failures().get(0).computed()).isEqualTo("4");
        List<byte[]> shortHash = new ArrayList<>(path);
        shortHash.set(1, new byte[31]);
        assertThat(InclusionVerifier.verify(3, 8, leaves.get(3), shortHash, root)
                        .failed(Rule.LOG_INC_4))
                .isTrue();
    }

    @Test
    @DisplayName("LOG-CON-2 / LOG-CON-3: flipped proof byte, wrong old root, wrong new root")
    void LOG_CON_2_3_attacks() {
        ConsistencyProof good = ConsistencyProof.build(1000, 3333, store);
        byte[] oldRoot = naive.mth(0, 1000);
        byte[] newRoot = naive.mth(0, 3333);
        for (int h = 0; h < good.hashes().size(); h++) {
            List<byte[]> bad = good.hashes();
            bad.get(h)[7] ^= (byte) 0x80;
            Verification v = ConsistencyVerifier.verify(1000, 3333, oldRoot, newRoot, bad);
            assertThat(v.failed(Rule.LOG_CON_2) || v.failed(Rule.LOG_CON_3))
                    .as("%s", v)
                    .isTrue();
        }
        byte[] wrongOld = oldRoot.clone();
        wrongOld[0] ^= 1;
        assertThat(good.verify(wrongOld, newRoot).failed(Rule.LOG_CON_2)).isTrue();
        byte[] wrongNew = newRoot.clone();
        wrongNew[31] ^= 1;
        Verification v = good.verify(oldRoot, wrongNew);
        assertThat(v.failed(Rule.LOG_CON_3)).isTrue();
        assertThat(v.failures().get(0).expected()).isEqualTo(hex(wrongNew));
        assertThat(v.failures().get(0).computed()).isEqualTo(hex(newRoot));
    }

    @Test
    @DisplayName("LOG-CON-1 / LOG-CON-4 / LOG-CON-5: sizes reversed, wrong sizes, short hash")
    void LOG_CON_1_4_5() {
        List<byte[]> proof = ConsistencyProof.build(1000, 3333, store).hashes();
        byte[] oldRoot = naive.mth(0, 1000);
        byte[] newRoot = naive.mth(0, 3333);
        assertThat(ConsistencyVerifier.verify(3333, 1000, oldRoot, newRoot, proof)
                        .failed(Rule.LOG_CON_1))
                .isTrue();
        assertThat(ConsistencyVerifier.verify(1000, 1000, oldRoot, oldRoot, proof)
                        .failed(Rule.LOG_CON_4))
                .isTrue();
        for (long[] sizes : new long[][] {{1000, 4097}, {1000, 2048}, {999, 3333}, {1024, 3333}, {500, 3333}}) {
            Verification v = ConsistencyVerifier.verify(sizes[0], sizes[1], oldRoot, newRoot, proof);
            assertThat(v.isVerified())
                    .as("sizes %d, %d: %s", sizes[0], sizes[1], v)
                    .isFalse();
        }
        List<byte[]> shortHash = new ArrayList<>(proof);
        shortHash.set(0, new byte[0]);
        assertThat(ConsistencyVerifier.verify(1000, 3333, oldRoot, newRoot, shortHash)
                        .failed(Rule.LOG_CON_5))
                .isTrue();
        assertThat(ConsistencyVerifier.verify(0, 5, oldRoot, newRoot, List.of()).failed(Rule.LOG_CON_2))
                .isTrue();
    }

    @Test
    @DisplayName("expected proof lengths agree with the proofs built")
    void expectedLengths() {
        for (int n = 1; n <= 130; n++) {
            for (int i = 0; i < n; i++) {
                assertThat(InclusionVerifier.expectedLength(i, n))
                        .isEqualTo(naive.path(i, n).size());
            }
            for (int m = 1; m < n; m++) {
                assertThat(ConsistencyVerifier.expectedLength(m, n))
                        .isEqualTo(naive.proof(m, n).size());
            }
        }
    }
}
