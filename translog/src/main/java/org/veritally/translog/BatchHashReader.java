package org.veritally.translog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The node hashes a sequencer holds in memory right after appending a batch: the right edge of the
 * tree before the batch ({@link CompactRange}) and every node the batch completed ({@link
 * AppendResult#nodes()}). They are exactly the nodes an inclusion proof of a leaf of the batch in the
 * tree after it needs: the left siblings on the leaf's path cover {@code [0, i)}, whose perfect
 * subtrees are edge nodes or were completed by the batch, and the right siblings lie after the
 * leaf, inside the batch (RFC 9162 §2.1.3.1). So receipts for a batch cost no storage reads. Any
 * other node is read from {@code fallback}.
 *
 * <p>Not thread-safe (built and used by one thread).
 */
public final class BatchHashReader implements HashReader {
    private final Map<NodeId, byte[]> nodes;
    private final HashReader fallback;

    /** The nodes of {@code before}'s right edge and of {@code appended}, then {@code fallback}. */
    public BatchHashReader(CompactRange before, AppendResult appended, HashReader fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        List<NodeId> edge = before.nodeIds();
        nodes = new HashMap<>(2 * (edge.size() + appended.nodes().size()));
        for (int i = 0; i < edge.size(); i++) nodes.put(edge.get(i), before.hashAt(i));
        for (Node n : appended.nodes()) nodes.put(n.id(), n.hash());
    }

    @Override
    public byte[] hash(int level, long index) {
        byte[] h = nodes.get(new NodeId(level, index));
        return h != null ? h : fallback.hash(level, index);
    }
}
