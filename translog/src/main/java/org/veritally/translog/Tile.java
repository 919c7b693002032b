package org.veritally.translog;

import java.util.Objects;

/**
 * The address of a C2SP tlog-tiles resource: a hash tile {@code tile/<L>/<N>[.p/<W>]} or an entry
 * bundle {@code tile/entries/<N>[.p/<W>]}.
 *
 * <p>A hash tile at level {@code L} holds the hashes of the tree nodes at level {@code 8·L} with
 * indexes {@code [256·N, 256·N + W)} (tlog-tiles §Merkle Tree: "the n-th tile at level l is
 * MTH(D[(n·256+i)·256^l : (n·256+i+1)·256^l])", a perfect subtree of height 8·l). An entry bundle
 * holds entries {@code [256·N, 256·N + W)}. {@code N} is written in zero-padded 3-digit path
 * elements, all but the last prefixed with {@code x}: 1234067 is {@code x001/x234/067}.
 *
 * <p>Invariants: {@code index >= 0}; {@code 1 <= width <= 256}, and only a partial tile ({@code
 * width < 256}) carries the {@code .p/<W>} suffix; hash tile levels are in {@code [0, 63]}.
 * Immutable and thread-safe.
 */
public sealed interface Tile permits Tile.Hashes, Tile.Entries {

    /** Tree levels per tile (tlog-tiles fixes the tile height at 8). */
    int HEIGHT = 8;

    /** Hashes or entries in a full tile. */
    int FULL_WIDTH = 1 << HEIGHT;

    /** The tile's index within its level. */
    long index();

    /** How many hashes or entries it holds. */
    int width();

    /** Whether it is a partial (rightmost, still growing) tile. */
    default boolean isPartial() {
        return width() < FULL_WIDTH;
    }

    /** The path relative to the log prefix, for example {@code tile/0/x001/x234/067.p/8}. */
    String path();

    /**
     * A Merkle tree hash tile.
     *
     * @param level the tile level {@code L}; its hashes are tree nodes at level {@code 8·L}
     * @param index the tile index {@code N}
     * @param width the number of hashes {@code W}
     */
    record Hashes(int level, long index, int width) implements Tile {
        public Hashes {
            if (level < 0 || level > 63) {
                throw new IllegalArgumentException("tile level must be in [0, 63], got " + level);
            }
            checkIndexAndWidth(index, width);
        }

        /** The tree level of the hashes in this tile. */
        public int nodeLevel() {
            return HEIGHT * level;
        }

        @Override
        public String path() {
            return "tile/" + level + "/" + TilePaths.encodeIndex(index) + TilePaths.widthSuffix(width);
        }
    }

    /**
     * An entry bundle.
     *
     * @param index the bundle index {@code N}
     * @param width the number of entries {@code W}
     */
    record Entries(long index, int width) implements Tile {
        public Entries {
            checkIndexAndWidth(index, width);
        }

        @Override
        public String path() {
            return "tile/entries/" + TilePaths.encodeIndex(index) + TilePaths.widthSuffix(width);
        }
    }

    /** Parses a tile path (rule {@code TILE-PATH-1}); canonical spellings only. */
    static Parsed<Tile> parsePath(String path) {
        return TilePaths.parse(Objects.requireNonNull(path, "path"));
    }

    private static void checkIndexAndWidth(long index, int width) {
        if (index < 0) {
            throw new IllegalArgumentException("tile index must be >= 0, got " + index);
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width must be in [1, 256], got " + width);
        }
    }
}
