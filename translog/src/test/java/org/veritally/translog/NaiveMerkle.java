package org.veritally.translog;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 definitions, written as literally as possible and with no care for speed: the
 * reference the optimised code must agree with. Inputs are leaf hashes, so {@code MTH} of one
 * element is that element.
 */
final class NaiveMerkle {
    private final List<byte[]> leaves;
    private final LogHasher hasher = LogHasher.create();

    NaiveMerkle(List<byte[]> leafHashes) {
        this.leaves = leafHashes;
    }

    /** §2.1.1: MTH(D[from:to]). */
    byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return LogHasher.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return hasher.nodeHash(mth(from, from + k), mth(from + k, to));
    }

    /** §2.1.3.1: PATH(m, D[0:n]). */
    List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    private List<byte[]> path(int m, int from, int to) {
        int n = to - from;
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            out.addAll(path(m, from, from + k));
            out.add(mth(from + k, to));
        } else {
            out.addAll(path(m - k, from + k, to));
            out.add(mth(from, from + k));
        }
        return out;
    }

    /** §2.1.4.1: PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true), for 0 < m <= n. */
    List<byte[]> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int from, int to, boolean b) {
        int n = to - from;
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(from, to));
            }
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            out.addAll(subproof(m, from, from + k, b));
            out.add(mth(from + k, to));
        } else {
            out.addAll(subproof(m - k, from + k, to, false));
            out.add(mth(from, from + k));
        }
        return out;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
