package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.Problem;

/** C2SP tlog-tiles paths and which tiles a tree has or changes. */
class TileLayoutTest {

    @Test
    @DisplayName("index encoding: 1234067 is x001/x234/067 (the spec's example), 67 is 067, 1000 is x001/000")
    void indexEncoding() {
        assertThat(new Tile.Hashes(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new Tile.Hashes(2, 67, 8).path()).isEqualTo("tile/2/067.p/8");
        assertThat(new Tile.Entries(1000, 256).path()).isEqualTo("tile/entries/x001/000");
        assertThat(new Tile.Entries(0, 1).path()).isEqualTo("tile/entries/000.p/1");
        assertThat(new Tile.Hashes(0, Long.MAX_VALUE, 256).path())
                .isEqualTo("tile/0/x009/x223/x372/x036/x854/x775/807");
    }

    @Test
    @DisplayName("TILE-PATH-1: paths parse back; non-canonical spellings are rejected")
    void TILE_PATH_1() {
        for (Tile t : List.<Tile>of(
                new Tile.Hashes(0, 1234067, 256),
                new Tile.Hashes(63, 0, 255),
                new Tile.Entries(999, 1),
                new Tile.Entries(Long.MAX_VALUE, 256))) {
            assertThat(Tile.parsePath(t.path()).orElseThrow()).isEqualTo(t);
        }
        for (String bad : new String[] {
            "tile/0/x000/067",
            "tile/0/67",
            "tile/0/x1/067",
            "tile/00/067",
            "tile/64/067",
            "tile/0/067.p/256",
            "tile/0/067.p/0",
            "tile/0/067.p/08",
            "tile/0/067/",
            "tiles/0/067",
            "tile/entries/067.p/",
            "tile/0/x9224/000",
            "tile/0/x009/x223/x372/x036/x854/x775/808",
            "tile/-1/000",
            "tile/0/067.p/1/2"
        }) {
            Parsed<Tile> p = Tile.parsePath(bad);
            assertThat(p.problems()).as(bad).extracting(Problem::rule).containsExactly(Rule.TILE_PATH_1);
        }
    }

    @Test
    @DisplayName("the spec's examples: size 70,000 and size 256")
    void specExamples() {
        List<Tile.Hashes> tiles = TileLayout.hashTiles(70_000);
        assertThat(tiles.stream().filter(t -> t.level() == 0 && !t.isPartial())).hasSize(273);
        assertThat(tiles)
                .contains(
                        new Tile.Hashes(0, 273, 112),
                        new Tile.Hashes(1, 0, 256),
                        new Tile.Hashes(1, 1, 17),
                        new Tile.Hashes(2, 0, 1));
        assertThat(tiles).hasSize(273 + 4);
        assertThat(TileLayout.hashTiles(256)).containsExactly(new Tile.Hashes(0, 0, 256), new Tile.Hashes(1, 0, 1));
        assertThat(TileLayout.hashTiles(0)).isEmpty();
        assertThat(TileLayout.entryBundles(70_000)).hasSize(274).last().isEqualTo(new Tile.Entries(273, 112));
    }

    @Test
    @DisplayName("tiles changed between m and n are exactly the tiles of n that m does not have (random sizes)")
    void changedIsSetDifference() {
        long seed = Trees.seed("changedIsSetDifference");
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            long n = i < 100 ? random.nextInt(1000) : (long) (random.nextDouble() * 3_000_000);
            long m = (long) (random.nextDouble() * (n + 1));
            Set<Tile.Hashes> expected = new HashSet<>(TileLayout.hashTiles(n));
            expected.removeAll(new HashSet<>(TileLayout.hashTiles(m)));
            List<Tile.Hashes> changed = TileLayout.hashTilesChanged(m, n);
            assertThat(new HashSet<>(changed))
                    .as("seed %d m %d n %d", seed, m, n)
                    .isEqualTo(expected);
            assertThat(changed).hasSameSizeAs(expected);
            Set<Tile.Entries> bundles = new HashSet<>(TileLayout.entryBundles(n));
            bundles.removeAll(new HashSet<>(TileLayout.entryBundles(m)));
            List<Tile.Entries> changedBundles = TileLayout.entryBundlesChanged(m, n);
            assertThat(new HashSet<>(changedBundles)).isEqualTo(bundles);
            assertThat(changedBundles).hasSameSizeAs(bundles);
        }
    }

    @Test
    @DisplayName("tileHolding finds the tile and width a tree size publishes for any full node")
    void tileHolding() {
        assertThat(TileLayout.tileHolding(0, 300, 70_000)).isEqualTo(new Tile.Hashes(0, 1, 256));
        assertThat(TileLayout.tileHolding(0, 69_999, 70_000)).isEqualTo(new Tile.Hashes(0, 273, 112));
        assertThat(TileLayout.tileHolding(3, 8743, 70_000)).isEqualTo(new Tile.Hashes(0, 273, 112));
        assertThat(TileLayout.tileHolding(8, 270, 70_000)).isEqualTo(new Tile.Hashes(1, 1, 17));
        assertThat(TileLayout.tileHolding(16, 0, 70_000)).isEqualTo(new Tile.Hashes(2, 0, 1));
    }
}
