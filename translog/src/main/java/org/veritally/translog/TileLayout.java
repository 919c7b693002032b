package org.veritally.translog;

import java.util.ArrayList;
import java.util.List;

/**
 * Which C2SP tlog-tiles resources a tree of a given size has, and which ones a log must publish
 * when it grows from one size to another.
 *
 * <p>At level {@code L} a tree of size {@code s} has {@code c = floor(s / 256^L)} hashes: {@code
 * floor(c / 256)} full tiles and, if {@code c mod 256 > 0}, one partial tile of that width
 * (tlog-tiles §Partial Tiles). Entry bundles follow level 0. Growing from {@code m} to {@code n}
 * changes, at each level, the tiles from the one that held the {@code m}-th hash up to the last
 * one: the old partial tile grows or becomes full, and new tiles appear. Full tiles never change.
 *
 * <p>Stateless and thread-safe.
 */
public final class TileLayout {

    private TileLayout() {}

    /** Every hash tile of a tree of {@code size} leaves, by level then index. */
    public static List<Tile.Hashes> hashTiles(long size) {
        return hashTilesChanged(0, size);
    }

    /**
     * The hash tiles that are new or have a new width at {@code newSize} compared with {@code
     * oldSize}: what to publish after the tree grew, by level then index.
     *
     * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize}
     */
    public static List<Tile.Hashes> hashTilesChanged(long oldSize, long newSize) {
        checkSizes(oldSize, newSize);
        List<Tile.Hashes> out = new ArrayList<>();
        for (int level = 0; level < 8 && (newSize >>> (Tile.HEIGHT * level)) > 0; level++) {
            long before = oldSize >>> (Tile.HEIGHT * level);
            long after = newSize >>> (Tile.HEIGHT * level);
            for (long n = before / Tile.FULL_WIDTH; before < after && n * Tile.FULL_WIDTH < after; n++) {
                out.add(new Tile.Hashes(level, n, width(after, n)));
            }
        }
        return out;
    }

    /** Every entry bundle of a log of {@code size} entries. */
    public static List<Tile.Entries> entryBundles(long size) {
        return entryBundlesChanged(0, size);
    }

    /** The entry bundles that are new or wider at {@code newSize} than at {@code oldSize}. */
    public static List<Tile.Entries> entryBundlesChanged(long oldSize, long newSize) {
        checkSizes(oldSize, newSize);
        List<Tile.Entries> out = new ArrayList<>();
        for (long n = oldSize / Tile.FULL_WIDTH; oldSize < newSize && n * Tile.FULL_WIDTH < newSize; n++) {
            out.add(new Tile.Entries(n, width(newSize, n)));
        }
        return out;
    }

    /**
     * The hash tile, as published for a tree of {@code size} leaves, that holds the stored node
     * {@code (nodeLevel, nodeIndex)} or, for a level between tile levels, its level-{@code 8L}
     * descendants.
     *
     * @throws IllegalArgumentException if the node is not full in a tree of {@code size}
     */
    public static Tile.Hashes tileHolding(int nodeLevel, long nodeIndex, long size) {
        NodeId id = new NodeId(nodeLevel, nodeIndex);
        if (!id.isFullIn(size)) {
            throw new IllegalArgumentException(id + " is not a full node of a tree of size " + size);
        }
        int level = nodeLevel / Tile.HEIGHT;
        long first = nodeIndex << (nodeLevel % Tile.HEIGHT);
        long tileIndex = first / Tile.FULL_WIDTH;
        return new Tile.Hashes(level, tileIndex, width(size >>> (Tile.HEIGHT * level), tileIndex));
    }

    /** Width of tile {@code n} of a level holding {@code count} hashes. */
    private static int width(long count, long n) {
        return (int) Math.min(Tile.FULL_WIDTH, count - n * Tile.FULL_WIDTH);
    }

    private static void checkSizes(long oldSize, long newSize) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("need 0 <= old size <= new size, got " + oldSize + ", " + newSize);
        }
    }
}
