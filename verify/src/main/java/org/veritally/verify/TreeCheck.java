package org.veritally.verify;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import org.veritally.core.validation.Problem;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.FailedCheck;
import org.veritally.translog.InvalidTileException;
import org.veritally.translog.LogHasher;
import org.veritally.translog.MerkleRoot;
import org.veritally.translog.Rule;
import org.veritally.translog.Tile;
import org.veritally.translog.TileHashReader;
import org.veritally.translog.TileVerifier;

/**
 * {@code VFY-TILES} and {@code VFY-ROOT}: every hash tile of the tree is published with its length
 * and hashes into the tile above ({@link TileVerifier#verifyTree}: TILE-FMT-1, TILE-HASH-1), and
 * the root recomputed from the right-edge tiles is the checkpoint root (TILE-HASH-2). Together
 * these authenticate every published hash against the signed root. Stateless.
 */
final class TreeCheck {

    private TreeCheck() {}

    static CheckResult[] run(PublishedLog log, Checkpoint cp) {
        Map<String, Integer> missing = new HashMap<>();
        Function<Tile.Hashes, byte[]> lenient = t -> log.read(t.path()).orElseGet(() -> {
            missing.put(t.path(), t.width());
            return new byte[0];
        });
        CheckResult.Findings tiles = new CheckResult.Findings(Check.VFY_TILES);
        for (FailedCheck f :
                TileVerifier.verifyTree(cp.size(), cp.rootHash(), lenient).failures()) {
            if (f.rule() == Rule.TILE_HASH_2) {
                continue; // VFY-ROOT, below
            }
            String path = f.message().split(" ", 2)[0];
            if (f.rule() == Rule.TILE_FMT_1 && missing.containsKey(path)) {
                continue; // reported once as missing, below
            }
            tiles.add(f.toProblem(path));
        }
        missing.forEach((path, width) -> tiles.add(Problem.mismatch(
                Rule.TILE_FMT_1,
                path,
                "the publication lacks this hash tile",
                width * LogHasher.HASH_SIZE + " bytes",
                "absent")));
        long count = org.veritally.translog.TileLayout.hashTiles(cp.size()).size();
        CheckResult v3 = tiles.result(
                String.format(java.util.Locale.ROOT, "%,d hash tiles, each full tile hashing to its parent", count),
                tiles.count() + " problem(s) in the hash tiles");
        return new CheckResult[] {v3, root(log, cp)};
    }

    private static CheckResult root(PublishedLog log, Checkpoint cp) {
        byte[] computed;
        try {
            computed = MerkleRoot.of(
                    cp.size(),
                    new TileHashReader(
                            cp.size(),
                            t -> log.read(t.path())
                                    .orElseThrow(
                                            () -> new InvalidTileException(Rule.TILE_FMT_1, t.path() + " is absent"))));
        } catch (InvalidTileException e) {
            return CheckResult.skip(
                    Check.VFY_ROOT, "cannot recompute the root: " + e.getMessage() + " (see VFY-TILES)");
        }
        String expected = HexFormat.of().formatHex(cp.rootHash());
        String got = HexFormat.of().formatHex(computed);
        if (expected.equals(got)) {
            return CheckResult.pass(Check.VFY_ROOT, "root " + got + " recomputed from the tiles");
        }
        return CheckResult.fail(
                Check.VFY_ROOT,
                "the tiles do not make the checkpoint's tree",
                Problem.mismatch(
                        Rule.TILE_HASH_2,
                        "checkpoint",
                        "the root computed from the tiles is not the checkpoint root",
                        expected,
                        got));
    }
}
