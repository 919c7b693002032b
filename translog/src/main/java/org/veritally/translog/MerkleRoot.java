package org.veritally.translog;

import java.util.Objects;

/**
 * The RFC 9162 §2.1.1 root hash {@code MTH(D[0:n])} of any earlier size {@code n} of a log, from
 * stored perfect subtrees.
 *
 * <p>The root of size {@code n} folds the {@code bitCount(n)} perfect subtrees that tile {@code [0,
 * n)} (see {@link Subtrees}), so it needs at most 63 node reads, in one batch, whatever {@code n}
 * is. The reader must hold every full node of a tree of at least {@code n} leaves.
 *
 * <p>Stateless and thread-safe (each call uses its own hasher).
 */
public final class MerkleRoot {

    private MerkleRoot() {}

    /**
     * The root hash of the first {@code size} leaves.
     *
     * @throws IllegalArgumentException if {@code size < 0}
     */
    public static byte[] of(long size, HashReader reader) {
        return of(size, reader, LogHasher.create());
    }

    /** As {@link #of(long, HashReader)}, reusing the caller's (thread-confined) hasher. */
    public static byte[] of(long size, HashReader reader, LogHasher hasher) {
        Objects.requireNonNull(reader, "reader");
        if (size < 0) {
            throw new IllegalArgumentException("tree size must be >= 0, got " + size);
        }
        if (size == 0) {
            return LogHasher.emptyRoot();
        }
        return Subtrees.foldRight(reader.hashes(Subtrees.perfectCover(0, size)), hasher);
    }
}
