package org.veritally.translog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which leaf ranges an RFC 9162 proof is made of, before any hash is read.
 *
 * <p>Each proof element is the MTH of one range {@code [begin, end)}. A range is a perfect subtree
 * (one stored node) except at most one on the right edge of the tree, which is recomputed from its
 * perfect parts; so a proof needs O(log n) stored nodes, fetched in a single batch.
 *
 * <p>Invariants: ranges are non-empty, with {@code begin} aligned to a power of two at least their
 * width; they are listed leaf-to-root, the proof order. Immutable and thread-safe.
 *
 * @param ranges the leaf range of each proof element, in proof order
 */
record ProofPlan(List<long[]> ranges) {

    ProofPlan {
        ranges = List.copyOf(ranges);
    }

    /** RFC 9162 §2.1.3.1 {@code PATH(index, D[0:size])}, unrolled from the root down. */
    static ProofPlan inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(
                    Rule.LOG_INC_1.id() + ": leaf index " + index + " is not below tree size " + size);
        }
        List<long[]> topDown = new ArrayList<>();
        long lo = 0;
        long hi = size;
        while (hi - lo > 1) {
            long mid = lo + Subtrees.splitPoint(hi - lo);
            if (index < mid) {
                topDown.add(new long[] {mid, hi});
                hi = mid;
            } else {
                topDown.add(new long[] {lo, mid});
                lo = mid;
            }
        }
        Collections.reverse(topDown);
        return new ProofPlan(topDown);
    }

    /**
     * RFC 9162 §2.1.4.1 {@code PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true)}, unrolled from the
     * root down. Empty when {@code m == n} or {@code m == 0}, where there is nothing to prove.
     */
    static ProofPlan consistency(long m, long n) {
        if (m < 0 || m > n) {
            throw new IllegalArgumentException(Rule.LOG_CON_1.id() + ": old size " + m + " exceeds new size " + n);
        }
        if (m == 0 || m == n) {
            return new ProofPlan(List.of());
        }
        List<long[]> topDown = new ArrayList<>();
        long lo = 0;
        long hi = n;
        boolean wholeOldTree = true; // SUBPROOF's b: D[lo:hi] still starts at leaf 0
        while (m != hi) {
            long mid = lo + Subtrees.splitPoint(hi - lo);
            if (m <= mid) {
                topDown.add(new long[] {mid, hi});
                hi = mid;
            } else {
                topDown.add(new long[] {lo, mid});
                lo = mid;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            topDown.add(new long[] {lo, hi});
        }
        Collections.reverse(topDown);
        return new ProofPlan(topDown);
    }

    /** Reads every stored node the plan needs in one batch, and folds each range into its MTH. */
    List<byte[]> resolve(HashReader reader, LogHasher hasher) {
        List<NodeId> ids = new ArrayList<>();
        int[] ends = new int[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            ids.addAll(Subtrees.perfectCover(ranges.get(i)[0], ranges.get(i)[1]));
            ends[i] = ids.size();
        }
        List<byte[]> hashes = reader.hashes(ids);
        if (hashes.size() != ids.size()) {
            throw new IllegalStateException(
                    "hash reader returned " + hashes.size() + " hashes for " + ids.size() + " nodes");
        }
        List<byte[]> out = new ArrayList<>(ranges.size());
        int start = 0;
        for (int end : ends) {
            out.add(Subtrees.foldRight(hashes.subList(start, end), hasher));
            start = end;
        }
        return out;
    }
}
