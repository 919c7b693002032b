package org.veritally.translog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link HashReader} over published C2SP tlog-tiles, so an offline verifier can recompute roots
 * and proofs of a tree of {@code treeSize} leaves from the tiles alone.
 *
 * <p>A node at level {@code 8·L} is read straight from a level-{@code L} tile. A node at level
 * {@code 8·L + r}, {@code 0 < r < 8}, is the perfect subtree over {@code 2^r} consecutive hashes of
 * one level-{@code L} tile, rehashed here (tlog-tiles §Merkle Tree: "the Merkle Tree levels between
 * those expressed by the tile hashes are reconstructed by hashing the leaves"). For each tile the
 * reader asks for the width a tree of {@code treeSize} has, full or partial.
 *
 * <p>Nothing read here is trusted by itself: compare the resulting root with a verified checkpoint
 * ({@link TileVerifier} does, and checks every tile). A tile of the wrong length throws {@link
 * InvalidTileException} ({@code TILE-FMT-1}).
 *
 * <p><b>Thread-safety:</b> not thread-safe; it caches the tiles it has read.
 */
public final class TileHashReader implements HashReader {

    private final long treeSize;
    private final Function<Tile.Hashes, byte[]> source;
    private final Map<Tile.Hashes, byte[]> cache = new HashMap<>();
    private final LogHasher hasher = LogHasher.create();

    /**
     * A reader for the tree of {@code treeSize} leaves.
     *
     * @param source fetches a tile's bytes; it may do I/O (outside this package) and throws if the
     *     tile is missing
     */
    public TileHashReader(long treeSize, Function<Tile.Hashes, byte[]> source) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must be >= 0");
        }
        this.treeSize = treeSize;
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * The hash of the full node {@code (level, index)} of the tree.
     *
     * @throws IllegalArgumentException if the node is not full in a tree of {@code treeSize}
     * @throws InvalidTileException if a tile has the wrong length
     */
    @Override
    public byte[] hash(int level, long index) {
        Tile.Hashes tile = TileLayout.tileHolding(level, index, treeSize);
        byte[] bytes = tile(tile);
        int span = 1 << (level % Tile.HEIGHT);
        int offset = (int) ((index * span) % Tile.FULL_WIDTH);
        byte[][] layer = new byte[span][];
        for (int i = 0; i < span; i++) {
            int at = (offset + i) * LogHasher.HASH_SIZE;
            layer[i] = Arrays.copyOfRange(bytes, at, at + LogHasher.HASH_SIZE);
        }
        for (int width = span; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                layer[i] = hasher.nodeHash(layer[2 * i], layer[2 * i + 1]);
            }
        }
        return layer[0];
    }

    /** The bytes of a tile, fetched once and length-checked ({@code TILE-FMT-1}). */
    byte[] tile(Tile.Hashes tile) {
        byte[] bytes = cache.get(tile);
        if (bytes == null) {
            bytes = Objects.requireNonNull(source.apply(tile), "tile source returned null");
            if (bytes.length != tile.width() * LogHasher.HASH_SIZE) {
                throw new InvalidTileException(
                        Rule.TILE_FMT_1,
                        tile.path() + " is " + bytes.length + " bytes, want " + tile.width() * LogHasher.HASH_SIZE);
            }
            cache.put(tile, bytes);
        }
        return bytes;
    }
}
