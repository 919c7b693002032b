package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.veritally.translog.Trees.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The incremental appender against the naive RFC 9162 MTH, on seeded random inputs. */
class TreeAppenderTest {

    @Test
    @DisplayName(
            "random batch sizes: every intermediate root equals the naive MTH; nodes are exactly the full subtrees")
    void randomBatchesAgreeWithNaiveMth() {
        long seed = Trees.seed("randomBatchesAgreeWithNaiveMth");
        Random random = new Random(seed);
        int total = 3000 + random.nextInt(2000);
        List<byte[]> leaves = Trees.randomLeaves(random, total);
        NaiveMerkle naive = new NaiveMerkle(leaves);
        TreeAppender appender = new TreeAppender();
        MapHashReader store = new MapHashReader();
        CompactRange range = CompactRange.empty();
        int at = 0;
        while (at < total) {
            int batch = Math.min(total - at, random.nextInt(4) == 0 ? random.nextInt(600) : random.nextInt(8));
            AppendResult r = appender.append(range, leaves.subList(at, at + batch));
            store.putAll(r.nodes());
            at += batch;
            assertThat(r.size()).isEqualTo(at);
            assertThat(hex(r.root())).as("seed %d size %d", seed, at).isEqualTo(hex(naive.mth(0, at)));
            range = r.range();
        }
        // Every perfect subtree of the final tree was emitted once (MapHashReader rejects duplicates).
        long fullNodes = 0;
        for (int level = 0; level < 63; level++) {
            fullNodes += (long) total >>> level;
        }
        assertThat(store.size()).isEqualTo(fullNodes);
        for (int i = 0; i < 50; i++) {
            int level = random.nextInt(12);
            long count = total >>> level;
            if (count == 0) {
                continue;
            }
            long index = (long) (random.nextDouble() * count);
            int from = (int) (index << level);
            assertThat(hex(store.hash(level, index)))
                    .as("seed %d node(%d,%d)", seed, level, index)
                    .isEqualTo(hex(naive.mth(from, from + (1 << level))));
        }
    }

    @Test
    @DisplayName("tile boundaries 255/256/257 and 65535/65536/65537, appended in one batch and leaf by leaf")
    void tileBoundaries() {
        long seed = Trees.seed("tileBoundaries");
        List<byte[]> leaves = Trees.randomLeaves(new Random(seed), 65537);
        NaiveMerkle naive = new NaiveMerkle(leaves);
        MapHashReader store = Trees.store(leaves);
        for (int n : new int[] {255, 256, 257, 65535, 65536, 65537}) {
            assertThat(hex(MerkleRoot.of(n, store)))
                    .as("seed %d size %d", seed, n)
                    .isEqualTo(hex(naive.mth(0, n)));
        }
        TreeAppender appender = new TreeAppender();
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < 257; i++) {
            range = appender.append(range, List.of(leaves.get(i))).range();
            if (i + 1 >= 255) {
                assertThat(hex(range.root(LogHasher.create()))).isEqualTo(hex(naive.mth(0, i + 1)));
            }
        }
    }

    @Test
    @DisplayName("resume from a size: the compact range read back (one batch, popcount reads) continues the same tree")
    void resumeFromStoredCompactRange() {
        long seed = Trees.seed("resumeFromStoredCompactRange");
        Random random = new Random(seed);
        List<byte[]> leaves = Trees.randomLeaves(random, 2000);
        MapHashReader store = new MapHashReader();
        TreeAppender appender = new TreeAppender();
        int cut = 1 + random.nextInt(1998);
        store.putAll(
                appender.append(CompactRange.empty(), leaves.subList(0, cut)).nodes());
        store.resetCounters();
        CompactRange resumed = CompactRange.read(cut, store);
        assertThat(store.reads).isEqualTo(Long.bitCount(cut));
        assertThat(store.batches).isEqualTo(1);
        AppendResult r = appender.append(resumed, leaves.subList(cut, 2000));
        store.putAll(r.nodes());
        assertThat(hex(r.root())).as("seed %d cut %d", seed, cut).isEqualTo(hex(new NaiveMerkle(leaves).mth(0, 2000)));
    }

    @Test
    @DisplayName("appendEntries hashes entries as RFC 9162 leaves; an empty batch changes nothing")
    void entriesAndEmptyBatch() {
        TreeAppender appender = new TreeAppender();
        AppendResult r = appender.appendEntries(CompactRange.empty(), List.of(new byte[0], new byte[] {0}));
        assertThat(hex(r.root())).isEqualTo(RfcReferenceVectorsTest.ROOTS[2]);
        AppendResult same = appender.append(r.range(), List.of());
        assertThat(same.nodes()).isEmpty();
        assertThat(same.range()).isEqualTo(r.range());
        assertThat(hex(CompactRange.empty().root(LogHasher.create()))).isEqualTo(RfcReferenceVectorsTest.ROOTS[0]);
    }

    @Test
    @DisplayName("preconditions fail fast: short leaf hash, wrong right-edge shape")
    void preconditions() {
        TreeAppender appender = new TreeAppender();
        assertThatThrownBy(() -> appender.append(CompactRange.empty(), List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
        List<byte[]> one = new ArrayList<>();
        one.add(new byte[32]);
        assertThatThrownBy(() -> new CompactRange(3, one)).isInstanceOf(IllegalArgumentException.class);
    }
}
