package org.veritally.translog;

import java.util.ArrayList;
import java.util.List;

/**
 * How a range of leaves splits into perfect subtrees, and how their hashes fold into the RFC 9162
 * Merkle tree hash of the range.
 *
 * <p>RFC 9162 §2.1.1 defines {@code MTH(D[n])} by splitting at the largest power of two {@code k <
 * n}. Unrolled, the MTH of a range {@code [begin, end)} whose {@code begin} is aligned to a power
 * of two at least {@code end - begin} (every range a tree or proof ever needs) is the right fold
 * {@code H(p1, H(p2, ... H(pk-1, pk)))} of its perfect subtrees in descending size. This is why
 * storing only perfect subtrees suffices, and why any root or proof needs O(log n) of them.
 *
 * <p>Stateless and thread-safe.
 */
public final class Subtrees {

    private Subtrees() {}

    /**
     * The largest power of two strictly less than {@code n} (RFC 9162 §2.1.1's {@code k}).
     *
     * @throws IllegalArgumentException if {@code n < 2}
     */
    public static long splitPoint(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("split needs at least 2 leaves, got " + n);
        }
        return Long.highestOneBit(n - 1);
    }

    /**
     * The perfect subtrees that tile {@code [begin, end)}, left to right, each as large as its
     * alignment allows. For {@code [0, n)} these are the right-edge (compact range) nodes of a tree
     * of size {@code n}, one per set bit of {@code n}.
     *
     * @throws IllegalArgumentException if {@code 0 <= begin <= end} does not hold
     */
    public static List<NodeId> perfectCover(long begin, long end) {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad leaf range [" + begin + ", " + end + ")");
        }
        List<NodeId> out = new ArrayList<>(Long.bitCount(end - begin) + 2);
        long at = begin;
        while (at < end) {
            int level = at == 0 ? NodeId.MAX_LEVEL : Long.numberOfTrailingZeros(at);
            while ((1L << level) > end - at) {
                level--;
            }
            out.add(new NodeId(level, at >>> level));
            at += 1L << level;
        }
        return out;
    }

    /**
     * The Merkle tree hash of a range from the hashes of its {@link #perfectCover} in order: the
     * right fold {@code H(h1, H(h2, ... H(hk-1, hk)))}.
     *
     * @throws IllegalArgumentException if {@code hashes} is empty
     */
    public static byte[] foldRight(List<byte[]> hashes, LogHasher hasher) {
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("nothing to fold");
        }
        int i = hashes.size() - 1;
        byte[] acc = hashes.get(i);
        while (--i >= 0) {
            acc = hasher.nodeHash(hashes.get(i), acc);
        }
        return acc;
    }
}
