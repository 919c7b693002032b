package org.veritally.translog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the bytes of a C2SP tlog-tiles hash tile from stored nodes: the {@code W} hashes of the
 * tree nodes {@code (8·L, 256·N + i)}, {@code i < W}, concatenated (tlog-tiles §Merkle Tree).
 *
 * <p>One batch read of at most 256 stored nodes per tile. Stateless and thread-safe if the reader
 * is.
 */
public final class TileBuilder {

    private TileBuilder() {}

    /**
     * The bytes of {@code tile}, {@code 32 · width} long.
     *
     * @param reader holds every node the tile lists (so a tree at least as large as the tile needs)
     */
    public static byte[] build(Tile.Hashes tile, HashReader reader) {
        Objects.requireNonNull(reader, "reader");
        List<NodeId> ids = new ArrayList<>(tile.width());
        long first = tile.index() * Tile.FULL_WIDTH;
        for (int i = 0; i < tile.width(); i++) {
            ids.add(new NodeId(tile.nodeLevel(), first + i));
        }
        List<byte[]> hashes = reader.hashes(ids);
        byte[] out = new byte[tile.width() * LogHasher.HASH_SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            byte[] h = hashes.get(i);
            if (h.length != LogHasher.HASH_SIZE) {
                throw new IllegalStateException("stored hash of " + ids.get(i) + " is not 32 bytes");
            }
            System.arraycopy(h, 0, out, i * LogHasher.HASH_SIZE, LogHasher.HASH_SIZE);
        }
        return out;
    }
}
