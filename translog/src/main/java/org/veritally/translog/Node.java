package org.veritally.translog;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A stored node: the address of a perfect subtree and its RFC 9162 §2.1.1 Merkle tree hash.
 *
 * <p>Invariants: {@code hash} is {@value LogHasher#HASH_SIZE} bytes. For speed on the append path
 * (two nodes per leaf on average) the array is not copied: the appender hands out fresh arrays
 * that nobody else holds, and callers must not modify them. Equality compares the hash contents.
 * Thread-safe if nobody mutates the array.
 *
 * @param id where the node sits in the tree
 * @param hash its Merkle tree hash
 */
public record Node(NodeId id, byte[] hash) {

    public Node {
        Objects.requireNonNull(id, "id");
        if (hash.length != LogHasher.HASH_SIZE) {
            throw new IllegalArgumentException("a node hash is 32 bytes, got " + hash.length);
        }
    }

    /** Shorthand for {@code new Node(new NodeId(level, index), hash)}. */
    public static Node of(int level, long index, byte[] hash) {
        return new Node(new NodeId(level, index), hash);
    }

    /** The node level. */
    public int level() {
        return id.level();
    }

    /** The node index within its level. */
    public long index() {
        return id.index();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && id.equals(n.id) && Arrays.equals(hash, n.hash);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return id + "=" + HexFormat.of().formatHex(hash);
    }
}
