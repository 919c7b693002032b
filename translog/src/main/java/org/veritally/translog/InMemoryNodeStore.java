package org.veritally.translog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only in-memory store of full nodes, one flat byte array per level: for tests,
 * benchmarks and an offline verifier that rebuilds a tree from entries. A million leaves take
 * about 64 MB.
 *
 * <p>Invariant: at each level the stored nodes are exactly indexes {@code [0, count)}; nodes must
 * arrive in index order per level, which is the order {@link TreeAppender} produces them.
 *
 * <p><b>Thread-safety:</b> not thread-safe.
 */
public final class InMemoryNodeStore implements HashReader {

    private final List<byte[]> levels = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();

    /** Stores the nodes of an append, in order. */
    public void putAll(List<Node> nodes) {
        nodes.forEach(this::put);
    }

    /**
     * Stores one node.
     *
     * @throws IllegalArgumentException if it is not the next node of its level
     */
    public void put(Node node) {
        int level = node.level();
        while (levels.size() <= level) {
            levels.add(new byte[LogHasher.HASH_SIZE * 64]);
            counts.add(0L);
        }
        long count = counts.get(level);
        if (node.index() != count) {
            throw new IllegalArgumentException("next node at level " + level + " is " + count + ", got " + node.id());
        }
        byte[] data = levels.get(level);
        long end = (count + 1) * LogHasher.HASH_SIZE;
        if (end > data.length) {
            long grown = Math.max(end, Math.min((long) data.length * 2, Integer.MAX_VALUE - 8));
            if (end > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("in-memory store is full at level " + level);
            }
            data = Arrays.copyOf(data, (int) grown);
            levels.set(level, data);
        }
        System.arraycopy(node.hash(), 0, data, (int) count * LogHasher.HASH_SIZE, LogHasher.HASH_SIZE);
        counts.set(level, count + 1);
    }

    /** How many nodes are stored at {@code level}. */
    public long count(int level) {
        return level < counts.size() ? counts.get(level) : 0;
    }

    /** The tree size: the number of stored leaves. */
    public long size() {
        return count(0);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the node is not stored
     */
    @Override
    public byte[] hash(int level, long index) {
        if (index < 0 || index >= count(level)) {
            throw new IllegalArgumentException("node(" + level + "," + index + ") is not stored");
        }
        int at = (int) index * LogHasher.HASH_SIZE;
        return Arrays.copyOfRange(levels.get(level), at, at + LogHasher.HASH_SIZE);
    }
}
