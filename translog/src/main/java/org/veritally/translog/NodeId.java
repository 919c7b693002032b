package org.veritally.translog;

/**
 * The address of a perfect (full) subtree of the log: the node at {@code level} and {@code index}
 * covers the leaves {@code [index·2^level, (index+1)·2^level)}. Level 0 nodes are the leaf hashes.
 *
 * <p>Only perfect subtrees are ever stored, because their hashes never change once the last leaf
 * under them is appended; the hash of a partial right-edge subtree is recomputed from its perfect
 * parts (RFC 9162 §2.1.1 splits every range at the largest power of two, so every MTH is a fold of
 * perfect subtrees).
 *
 * <p>Invariants: {@code 0 <= level <= 62}, {@code index >= 0}, and the covered leaves fit in a
 * non-negative {@code long}. Immutable and thread-safe.
 *
 * @param level height above the leaves, 0 for a leaf
 * @param index position among the nodes of that level, from the left
 */
public record NodeId(int level, long index) implements Comparable<NodeId> {

    /** The highest level a tree of at most {@code Long.MAX_VALUE} leaves can hold. */
    public static final int MAX_LEVEL = 62;

    public NodeId {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("node level must be in [0, 62], got " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >>> level) - 1) {
            throw new IllegalArgumentException("node index " + index + " at level " + level + " is out of range");
        }
    }

    /**
     * The node that covers exactly {@code [begin, end)}.
     *
     * @throws IllegalArgumentException unless the range is a perfect, aligned subtree
     */
    public static NodeId covering(long begin, long end) {
        long width = end - begin;
        if (begin < 0 || width <= 0 || Long.bitCount(width) != 1 || begin % width != 0) {
            throw new IllegalArgumentException("[" + begin + ", " + end + ") is not a perfect subtree");
        }
        int level = Long.numberOfTrailingZeros(width);
        return new NodeId(level, begin >>> level);
    }

    /** The first leaf under this node. */
    public long firstLeaf() {
        return index << level;
    }

    /** One past the last leaf under this node. */
    public long endLeaf() {
        return (index + 1) << level;
    }

    /** Whether this node is a perfect subtree of a tree of {@code size} leaves, hence stored. */
    public boolean isFullIn(long size) {
        return endLeaf() <= size;
    }

    /** The parent node, one level up. */
    public NodeId parent() {
        return new NodeId(level + 1, index >>> 1);
    }

    /** Orders by level, then index: the order a store's primary key would use. */
    @Override
    public int compareTo(NodeId other) {
        int byLevel = Integer.compare(level, other.level);
        return byLevel != 0 ? byLevel : Long.compare(index, other.index);
    }

    @Override
    public String toString() {
        return "node(" + level + "," + index + ")";
    }
}
