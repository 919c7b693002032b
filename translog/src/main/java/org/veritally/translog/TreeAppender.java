package org.veritally.translog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends leaf hashes to an RFC 9162 tree given only its right edge ({@link CompactRange}), and
 * returns the full nodes to store, the new right edge and the new root.
 *
 * <p>Appending leaf {@code s} completes the perfect subtrees that end at leaf {@code s + 1}: one
 * per trailing one-bit of {@code s}, each the node hash of the right-edge subtree of that level and
 * the one just completed. So a batch of {@code b} leaves costs {@code b} leaf nodes plus fewer
 * than {@code b + log2(size)} node hashes, whatever the batch size (RFC 9162 §2.1.1; the node
 * addressing is {@link NodeId}'s).
 *
 * <p>To resume after a restart, read the right edge with {@link CompactRange#read} (O(log n)
 * reads). The appender holds no tree state between calls: the caller keeps the returned range.
 *
 * <p><b>Thread-safety:</b> not thread-safe (it owns a {@link LogHasher}); a log has a single
 * sequencer, which owns one appender.
 */
public final class TreeAppender {

    private final LogHasher hasher;

    /** An appender with its own hasher. */
    public TreeAppender() {
        this(LogHasher.create());
    }

    /** An appender using {@code hasher}, which it must not share with another thread. */
    public TreeAppender(LogHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /**
     * Appends {@code leafHashes} (each {@value LogHasher#HASH_SIZE} bytes, already {@link
     * LogHasher#leafHash hashed}) after the tree described by {@code range}.
     *
     * @throws IllegalArgumentException if a leaf hash is not 32 bytes
     */
    public AppendResult append(CompactRange range, List<byte[]> leafHashes) {
        Objects.requireNonNull(range, "range");
        long size = range.size();
        if (leafHashes.size() > Long.MAX_VALUE - size) {
            throw new IllegalArgumentException("the tree would exceed 2^63-1 leaves");
        }
        // edge[level] = hash of the right-edge perfect subtree at that level, if bit `level` is set.
        byte[][] edge = new byte[NodeId.MAX_LEVEL + 1][];
        List<NodeId> edgeIds = range.nodeIds();
        for (int i = 0; i < edgeIds.size(); i++) {
            edge[edgeIds.get(i).level()] = range.hashAt(i);
        }
        List<Node> nodes = new ArrayList<>(2 * leafHashes.size() + NodeId.MAX_LEVEL);
        for (byte[] leaf : leafHashes) {
            if (leaf.length != LogHasher.HASH_SIZE) {
                throw new IllegalArgumentException("a leaf hash is 32 bytes, got " + leaf.length);
            }
            byte[] hash = leaf;
            nodes.add(Node.of(0, size, hash));
            int level = 0;
            while ((size >>> level & 1) == 1) {
                hash = hasher.nodeHash(edge[level], hash);
                edge[level] = null;
                level++;
                nodes.add(Node.of(level, size >>> level, hash));
            }
            edge[level] = hash;
            size++;
        }
        List<byte[]> newEdge = new ArrayList<>(Long.bitCount(size));
        for (int level = NodeId.MAX_LEVEL; level >= 0; level--) {
            if (edge[level] != null) {
                newEdge.add(edge[level]);
            }
        }
        CompactRange next = new CompactRange(size, newEdge);
        return new AppendResult(nodes, next, next.root(hasher));
    }

    /**
     * Hashes {@code entries} as leaves ({@link LogHasher#leafHash}) and appends them.
     *
     * @see #append(CompactRange, List)
     */
    public AppendResult appendEntries(CompactRange range, List<byte[]> entries) {
        List<byte[]> leaves = new ArrayList<>(entries.size());
        for (byte[] e : entries) {
            leaves.add(hasher.leafHash(e));
        }
        return append(range, leaves);
    }
}
