package org.veritally.translog;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of a tree: the hashes of the perfect subtrees that tile {@code [0, size)}, one
 * per set bit of {@code size}, largest (leftmost) first. It is all an appender needs to continue
 * the tree, and it determines the root (RFC 9162 §2.1.1; the idea of the "compact range" of
 * transparency-dev/merkle).
 *
 * <p>Invariants: {@code size >= 0}; {@code hashes.size() == Long.bitCount(size)}; every hash is
 * {@value LogHasher#HASH_SIZE} bytes; {@code hashes.get(i)} is the node {@code nodeIds().get(i)}.
 * Immutable (the list and arrays are copied in) and thread-safe.
 *
 * @param size the number of leaves
 * @param hashes the right-edge perfect subtree hashes, largest first
 */
public record CompactRange(long size, List<byte[]> hashes) {

    public CompactRange {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must be >= 0, got " + size);
        }
        if (hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size)
                    + " right-edge nodes, got " + hashes.size());
        }
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (byte[] h : hashes) {
            if (h.length != LogHasher.HASH_SIZE) {
                throw new IllegalArgumentException("right-edge hash must be 32 bytes, got " + h.length);
            }
            copy.add(h.clone());
        }
        hashes = List.copyOf(copy);
    }

    /** The range of the empty tree. */
    public static CompactRange empty() {
        return new CompactRange(0, List.of());
    }

    /**
     * Reads the right edge of a tree of {@code size} leaves from stored nodes: {@code bitCount(size)}
     * reads in one batch. This is how an appender resumes after a restart.
     */
    public static CompactRange read(long size, HashReader reader) {
        Objects.requireNonNull(reader, "reader");
        return new CompactRange(size, reader.hashes(Subtrees.perfectCover(0, size)));
    }

    /** The addresses of the right-edge nodes, largest first, matching {@link #hashes()}. */
    public List<NodeId> nodeIds() {
        return Subtrees.perfectCover(0, size);
    }

    /** The root hash of the tree of {@link #size()} leaves (RFC 9162 §2.1.1). */
    public byte[] root(LogHasher hasher) {
        return size == 0 ? LogHasher.emptyRoot() : Subtrees.foldRight(hashes, hasher);
    }

    /** Copies out, since arrays in records are otherwise shared. */
    @Override
    public List<byte[]> hashes() {
        List<byte[]> out = new ArrayList<>(hashes.size());
        hashes.forEach(h -> out.add(h.clone()));
        return out;
    }

    /** Package access without copying, for the appender. */
    byte[] hashAt(int i) {
        return hashes.get(i);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CompactRange r) || r.size != size) {
            return false;
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (!java.util.Arrays.equals(hashes.get(i), r.hashes.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(size);
        for (byte[] b : hashes) {
            h = 31 * h + java.util.Arrays.hashCode(b);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CompactRange[size=").append(size);
        for (byte[] h : hashes) {
            sb.append(' ').append(HexFormat.of().formatHex(h), 0, 16);
        }
        return sb.append(']').toString();
    }
}
