package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.translog.Trees.hex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tiles built from stored nodes hold what tlog-tiles says, and an offline verifier reading only
 * the tiles recomputes the same roots and proofs, and catches a changed byte.
 */
class TileReadTest {

    static final int SIZE = 70_000;
    static long seed;
    static List<byte[]> leaves;
    static InMemoryNodeStore store;
    static Map<Tile.Hashes, byte[]> published;

    @BeforeAll
    static void publish() {
        seed = Trees.seed("TileReadTest");
        leaves = Trees.randomLeaves(new Random(seed), SIZE);
        store = new InMemoryNodeStore();
        store.putAll(new TreeAppender().append(CompactRange.empty(), leaves).nodes());
        published = new HashMap<>();
        for (Tile.Hashes t : TileLayout.hashTiles(SIZE)) {
            published.put(t, TileBuilder.build(t, store));
        }
    }

    /** Serves the published tiles; a narrower request gets the prefix of the same tile. */
    static Function<Tile.Hashes, byte[]> source(Map<Tile.Hashes, byte[]> tiles) {
        return want -> {
            for (Map.Entry<Tile.Hashes, byte[]> e : tiles.entrySet()) {
                Tile.Hashes have = e.getKey();
                if (have.level() == want.level() && have.index() == want.index() && have.width() >= want.width()) {
                    return java.util.Arrays.copyOf(e.getValue(), want.width() * 32);
                }
            }
            throw new IllegalArgumentException("not published: " + want.path());
        };
    }

    @Test
    @DisplayName("tlog-tiles §Merkle Tree: hash i of tile (l, n) is MTH(D[(256n+i)·256^l : "
            + "(256n+i+1)·256^l]), the level-8l node")
    void tileHashesAreLevel8LNodes() {
        NaiveMerkle naive = new NaiveMerkle(leaves);
        byte[] level1 = published.get(new Tile.Hashes(1, 0, 256));
        for (int i : new int[] {0, 1, 137, 255}) {
            byte[] want = naive.mth(i * 256, (i + 1) * 256);
            assertThat(hex(java.util.Arrays.copyOfRange(level1, i * 32, i * 32 + 32)))
                    .isEqualTo(hex(want));
            assertThat(store.hash(8, i)).isEqualTo(want);
        }
        byte[] level2 = published.get(new Tile.Hashes(2, 0, 1));
        assertThat(hex(level2)).isEqualTo(hex(naive.mth(0, 65_536)));
        byte[] level0 = published.get(new Tile.Hashes(0, 273, 112));
        assertThat(java.util.Arrays.copyOfRange(level0, 0, 32)).isEqualTo(leaves.get(273 * 256));
    }

    @Test
    @DisplayName("roots and proofs from the tiles alone equal those from the node store")
    void rootsAndProofsFromTiles() {
        Random random = new Random(seed + 1);
        for (int i = 0; i < 60; i++) {
            long n = i < 6 ? new long[] {1, 255, 256, 257, 65_536, SIZE}[i] : 1 + random.nextInt(SIZE);
            TileHashReader tiles = new TileHashReader(n, source(published));
            assertThat(MerkleRoot.of(n, tiles)).as("seed %d size %d", seed, n).isEqualTo(MerkleRoot.of(n, store));
            long index = (long) (random.nextDouble() * n);
            assertThat(InclusionProof.build(index, n, tiles)).isEqualTo(InclusionProof.build(index, n, store));
            long m = 1 + (long) (random.nextDouble() * n);
            assertThat(ConsistencyProof.build(m, n, tiles)).isEqualTo(ConsistencyProof.build(m, n, store));
        }
    }

    @Test
    @DisplayName("TileVerifier accepts the published tree")
    void verifierAccepts() {
        Verification v = TileVerifier.verifyTree(SIZE, MerkleRoot.of(SIZE, store), source(published));
        assertThat(v.isVerified()).as("%s", v).isTrue();
        assertThat(TileVerifier.verifyTree(0, LogHasher.emptyRoot(), source(Map.of()))
                        .isVerified())
                .isTrue();
    }

    @Test
    @DisplayName("TILE-HASH-1: a changed byte in a full level-0 tile no longer hashes to its level-1 entry")
    void TILE_HASH_1_fullTile() {
        Map<Tile.Hashes, byte[]> attacked = new HashMap<>(published);
        Tile.Hashes victim = new Tile.Hashes(0, 100, 256);
        byte[] bytes = published.get(victim).clone();
        bytes[5 * 32 + 3] ^= 0x10;
        attacked.put(victim, bytes);
        Verification v = TileVerifier.verifyTree(SIZE, MerkleRoot.of(SIZE, store), source(attacked));
        assertThat(v.failures()).extracting(FailedCheck::rule).containsExactly(Rule.TILE_HASH_1);
        assertThat(v.failures().get(0).message()).contains("tile/0/100").contains("tile/1/000");
    }

    @Test
    @DisplayName("TILE-HASH-2: a changed byte in a partial tile changes the root")
    void TILE_HASH_2_partialTile() {
        Map<Tile.Hashes, byte[]> attacked = new HashMap<>(published);
        Tile.Hashes victim = new Tile.Hashes(0, 273, 112);
        byte[] bytes = published.get(victim).clone();
        bytes[111 * 32] ^= 0x01;
        attacked.put(victim, bytes);
        Verification v = TileVerifier.verifyTree(SIZE, MerkleRoot.of(SIZE, store), source(attacked));
        assertThat(v.failures()).extracting(FailedCheck::rule).containsExactly(Rule.TILE_HASH_2);
    }

    @Test
    @DisplayName("TILE-FMT-1: a truncated tile is reported, and TileHashReader refuses it")
    void TILE_FMT_1() {
        Map<Tile.Hashes, byte[]> attacked = new HashMap<>(published);
        Tile.Hashes victim = new Tile.Hashes(1, 1, 17);
        attacked.put(victim, java.util.Arrays.copyOf(published.get(victim), 16 * 32));
        Function<Tile.Hashes, byte[]> exact = attacked::get;
        Verification v = TileVerifier.verifyTree(SIZE, MerkleRoot.of(SIZE, store), exact);
        assertThat(v.failures()).extracting(FailedCheck::rule).containsExactly(Rule.TILE_FMT_1);
        TileHashReader reader = new TileHashReader(SIZE, exact);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.hash(8, 256))
                .isInstanceOf(InvalidTileException.class)
                .satisfies(e -> assertThat(((InvalidTileException) e).rule()).isEqualTo(Rule.TILE_FMT_1));
    }

    @Test
    @DisplayName("InMemoryNodeStore and the map fake hold the same nodes")
    void storesAgree() {
        MapHashReader map = Trees.store(leaves.subList(0, 5000));
        for (NodeId id : Subtrees.perfectCover(0, 5000)) {
            assertThat(store.hash(id.level(), id.index())).isEqualTo(map.hash(id.level(), id.index()));
        }
    }
}
