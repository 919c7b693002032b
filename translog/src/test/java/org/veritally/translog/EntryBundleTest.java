package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.RuleId;

/** C2SP tlog-tiles entry bundles: framing, and entries checked against level-0 tiles. */
class EntryBundleTest {

    static List<RuleId> rules(Parsed<?> p) {
        return p.problems().stream().map(Problem::rule).toList();
    }

    @Test
    @DisplayName("a bundle is uint16 big-endian length-prefixed entries and round-trips")
    void roundTrip() {
        EntryBundle b = new EntryBundle(List.of(new byte[0], new byte[] {1, 2, 3}, new byte[300]));
        byte[] bytes = b.encode();
        assertThat(bytes).startsWith(0, 0, 0, 3, 1, 2, 3, 1, 44);
        assertThat(bytes).hasSize(2 + 5 + 302);
        assertThat(EntryBundle.parse(bytes, 3).orElseThrow()).isEqualTo(b);
    }

    @Test
    @DisplayName("TILE-ENT-1: truncated prefix, truncated entry, trailing bytes, wrong count")
    void TILE_ENT_1() {
        byte[] good = new EntryBundle(List.of(new byte[] {9}, new byte[] {8, 7})).encode();
        assertThat(rules(EntryBundle.parse(java.util.Arrays.copyOf(good, good.length - 1), 2)))
                .containsExactly(Rule.TILE_ENT_1);
        assertThat(rules(EntryBundle.parse(java.util.Arrays.copyOf(good, 4), 2)))
                .containsExactly(Rule.TILE_ENT_1);
        assertThat(rules(EntryBundle.parse(java.util.Arrays.copyOf(good, good.length + 2), 2)))
                .containsExactly(Rule.TILE_ENT_1);
        assertThat(rules(EntryBundle.parse(good, 3))).containsExactly(Rule.TILE_ENT_1);
        assertThat(rules(EntryBundle.parse(good, 1))).containsExactly(Rule.TILE_ENT_1);
    }

    @Test
    @DisplayName("TILE-ENT-2: a changed entry no longer hashes to its level-0 tile hash")
    void TILE_ENT_2() {
        Random random = new Random(Trees.seed("TILE_ENT_2"));
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            byte[] e = new byte[random.nextInt(200)];
            random.nextBytes(e);
            entries.add(e);
        }
        InMemoryNodeStore store = new InMemoryNodeStore();
        store.putAll(
                new TreeAppender().appendEntries(CompactRange.empty(), entries).nodes());
        Map<Tile.Hashes, byte[]> tiles = new HashMap<>();
        TileLayout.hashTiles(600).forEach(t -> tiles.put(t, TileBuilder.build(t, store)));
        Map<Tile.Entries, byte[]> bundles = new HashMap<>();
        for (Tile.Entries b : TileLayout.entryBundles(600)) {
            int from = (int) b.index() * 256;
            bundles.put(b, new EntryBundle(entries.subList(from, from + b.width())).encode());
        }
        assertThat(TileVerifier.verifyEntries(600, bundles::get, tiles::get).isVerified())
                .isTrue();
        assertThat(TileVerifier.verifyTree(600, MerkleRoot.of(600, store), tiles::get)
                        .isVerified())
                .isTrue();
        List<byte[]> changed = new ArrayList<>(entries.subList(256, 512));
        changed.set(10, new byte[] {42});
        bundles.put(new Tile.Entries(1, 256), new EntryBundle(changed).encode());
        Verification v = TileVerifier.verifyEntries(600, bundles::get, tiles::get);
        assertThat(v.failures()).extracting(FailedCheck::rule).containsExactly(Rule.TILE_ENT_2);
        assertThat(v.failures().get(0).message()).contains("entry 266");
    }
}
