package org.veritally.translog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.veritally.core.validation.Problem;

/**
 * Audits a published C2SP tlog-tiles log against a verified checkpoint, from the static files
 * alone: the verifier path of Veritally's "anyone can check" promise.
 *
 * <p>{@link #verifyTree} checks every hash tile of the tree: its length ({@code TILE-FMT-1}); that
 * each full tile's 256 hashes hash (as a perfect subtree of height 8) to the matching hash in the
 * tile one level up ({@code TILE-HASH-1}); and that the root recomputed from the right-edge tiles
 * equals the checkpoint's ({@code TILE-HASH-2}). Together these authenticate every published hash:
 * a full tile is bound to its parent, and partial tiles feed the root. {@link #verifyEntries}
 * checks each entry bundle's framing ({@code TILE-ENT-1}) and that every entry's leaf hash is the
 * level-0 tile hash ({@code TILE-ENT-2}).
 *
 * <p>Memory stays at a few tiles whatever the log size: tiles are streamed level by level.
 * Stateless and thread-safe if the sources are.
 */
public final class TileVerifier {

    private TileVerifier() {}

    /** Verifies all hash tiles of the tree of {@code size} leaves against {@code root}. */
    public static Verification verifyTree(long size, byte[] root, Function<Tile.Hashes, byte[]> source) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(source, "source");
        List<FailedCheck> failures = new ArrayList<>();
        LogHasher hasher = LogHasher.create();
        Tile.Hashes parent = null;
        byte[] parentBytes = null;
        for (Tile.Hashes tile : TileLayout.hashTiles(size)) {
            byte[] bytes = fetch(tile, source, failures);
            if (bytes == null || tile.isPartial()) {
                continue;
            }
            Tile.Hashes up = TileLayout.tileHolding(tile.nodeLevel() + Tile.HEIGHT, tile.index(), size);
            if (!up.equals(parent)) {
                parent = up;
                parentBytes = fetch(up, source, new ArrayList<>());
            }
            if (parentBytes == null) {
                continue; // its own length failure is reported when the loop reaches it
            }
            byte[] computed = subtreeOf(bytes, hasher);
            int at = (int) (tile.index() % Tile.FULL_WIDTH) * LogHasher.HASH_SIZE;
            byte[] published = Arrays.copyOfRange(parentBytes, at, at + LogHasher.HASH_SIZE);
            if (!Arrays.equals(computed, published)) {
                failures.add(new FailedCheck(
                        Rule.TILE_HASH_1,
                        tile.path() + " does not hash to its entry in " + up.path(),
                        InclusionVerifier.hex(published),
                        InclusionVerifier.hex(computed)));
            }
        }
        if (failures.isEmpty()) {
            byte[] computed = MerkleRoot.of(size, new TileHashReader(size, source), hasher);
            if (!Arrays.equals(computed, root)) {
                failures.add(new FailedCheck(
                        Rule.TILE_HASH_2,
                        "the root computed from the tiles is not the checkpoint root",
                        InclusionVerifier.hex(root),
                        InclusionVerifier.hex(computed)));
            }
        }
        return failures.isEmpty() ? Verification.verified() : new Verification.Failed(failures);
    }

    /**
     * Verifies every entry bundle of a log of {@code size} entries against the level-0 tiles (which
     * {@link #verifyTree} authenticates).
     */
    public static Verification verifyEntries(
            long size, Function<Tile.Entries, byte[]> bundles, Function<Tile.Hashes, byte[]> tiles) {
        List<FailedCheck> failures = new ArrayList<>();
        LogHasher hasher = LogHasher.create();
        for (Tile.Entries b : TileLayout.entryBundles(size)) {
            Parsed<EntryBundle> parsed = EntryBundle.parse(bundles.apply(b), b.width());
            for (Problem p : parsed.problems()) {
                failures.add(new FailedCheck(p.rule(), b.path() + " " + p.location() + ": " + p.message(), "", ""));
            }
            byte[] leaves = fetch(new Tile.Hashes(0, b.index(), b.width()), tiles, failures);
            if (!(parsed instanceof Parsed.Ok<EntryBundle> ok) || leaves == null) {
                continue;
            }
            List<byte[]> entries = ok.value().entries();
            for (int i = 0; i < entries.size(); i++) {
                byte[] computed = hasher.leafHash(entries.get(i));
                int at = i * LogHasher.HASH_SIZE;
                byte[] published = Arrays.copyOfRange(leaves, at, at + LogHasher.HASH_SIZE);
                if (!Arrays.equals(computed, published)) {
                    failures.add(new FailedCheck(
                            Rule.TILE_ENT_2,
                            "entry " + (b.index() * Tile.FULL_WIDTH + i) + " does not hash to its leaf",
                            InclusionVerifier.hex(published),
                            InclusionVerifier.hex(computed)));
                }
            }
        }
        return failures.isEmpty() ? Verification.verified() : new Verification.Failed(failures);
    }

    /** The MTH of a full tile's 256 hashes: a perfect subtree of height 8. */
    private static byte[] subtreeOf(byte[] tile, LogHasher hasher) {
        byte[][] layer = new byte[Tile.FULL_WIDTH][];
        for (int i = 0; i < layer.length; i++) {
            layer[i] = Arrays.copyOfRange(tile, i * LogHasher.HASH_SIZE, (i + 1) * LogHasher.HASH_SIZE);
        }
        for (int width = layer.length; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                layer[i] = hasher.nodeHash(layer[2 * i], layer[2 * i + 1]);
            }
        }
        return layer[0];
    }

    private static byte[] fetch(Tile.Hashes tile, Function<Tile.Hashes, byte[]> source, List<FailedCheck> failures) {
        byte[] bytes = Objects.requireNonNull(source.apply(tile), "tile source returned null");
        int want = tile.width() * LogHasher.HASH_SIZE;
        if (bytes.length != want) {
            failures.add(new FailedCheck(
                    Rule.TILE_FMT_1, tile.path() + " has the wrong length", want + " bytes", bytes.length + " bytes"));
            return null;
        }
        return bytes;
    }
}
