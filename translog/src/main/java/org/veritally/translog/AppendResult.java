package org.veritally.translog;

import java.util.List;

/**
 * What one {@link TreeAppender#append} produced: every newly completed perfect subtree (to store),
 * the new right edge, and the new root.
 *
 * <p>Invariants: {@code nodes} lists, in the order they were completed, each node that became full
 * during the append, at every level including the level-0 leaf hashes; {@code root} is the RFC
 * 9162 root of {@code range.size()} leaves. The node list is unmodifiable; for speed the hash
 * arrays inside are not copied (see {@link Node}). Thread-safe if nobody mutates them.
 *
 * @param nodes the new full nodes, level 0 included
 * @param range the right edge after the append
 * @param root the root hash after the append
 */
public record AppendResult(List<Node> nodes, CompactRange range, byte[] root) {

    public AppendResult {
        nodes = List.copyOf(nodes);
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The tree size after the append. */
    public long size() {
        return range.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppendResult r
                && nodes.equals(r.nodes)
                && range.equals(r.range)
                && java.util.Arrays.equals(root, r.root);
    }

    @Override
    public int hashCode() {
        return 31 * range.hashCode() + java.util.Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "AppendResult[size=" + size() + ", nodes=" + nodes.size() + "]";
    }
}
