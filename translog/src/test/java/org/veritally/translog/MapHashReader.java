package org.veritally.translog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A map-based fake {@link HashReader} for tests, which counts reads so tests can assert the
 * O(log n) bound and the single batch.
 */
final class MapHashReader implements HashReader {
    private final Map<NodeId, byte[]> nodes = new HashMap<>();
    int reads;
    int batches;

    void putAll(List<Node> added) {
        for (Node n : added) {
            if (nodes.put(n.id(), n.hash()) != null) {
                throw new AssertionError("node stored twice: " + n.id());
            }
        }
    }

    int size() {
        return nodes.size();
    }

    @Override
    public byte[] hash(int level, long index) {
        reads++;
        byte[] h = nodes.get(new NodeId(level, index));
        if (h == null) {
            throw new IllegalArgumentException("not stored: node(" + level + "," + index + ")");
        }
        return h.clone();
    }

    @Override
    public List<byte[]> hashes(List<NodeId> ids) {
        batches++;
        return HashReader.super.hashes(ids);
    }

    void resetCounters() {
        reads = 0;
        batches = 0;
    }
}
