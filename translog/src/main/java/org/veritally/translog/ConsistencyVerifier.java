package org.veritally.translog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Verifies an RFC 9162 §2.1.4.2 consistency proof, returning a {@link Verification} that names
 * each failed rule with the expected and computed values.
 *
 * <p>Checks:
 *
 * <ul>
 *   <li>{@code LOG-CON-1} {@code 0 <= oldSize <= newSize};
 *   <li>equal sizes: the proof is empty ({@code LOG-CON-4}), the new root is the old root ({@code
 *       LOG-CON-3}), and for size 0 the old root is the empty root ({@code LOG-CON-2}). Roots are
 *       compared as bytes; nothing is hashed, so their length is not checked;
 *   <li>old size 0: the proof is empty ({@code LOG-CON-4}), the old root is the empty-tree root
 *       ({@code LOG-CON-2}) and the new root is a 32-byte hash ({@code LOG-CON-5});
 *   <li>otherwise: 32-byte roots and proof hashes ({@code LOG-CON-5}), the proof length ({@code
 *       LOG-CON-4}, the condition steps 1, 6a and 7 test on {@code sn}), and the proof reproduces
 *       the old root ({@code LOG-CON-2}) and the new root ({@code LOG-CON-3}, step 7).
 * </ul>
 *
 * <p>RFC 9162 defines proofs only for {@code 0 < m < n}; the equal and empty cases follow the
 * golden probes in {@code shared/vectors/merkle/probes.json}, which are stricter than
 * transparency-dev/merkle about roots of empty trees. Stateless and thread-safe.
 */
public final class ConsistencyVerifier {

    private ConsistencyVerifier() {}

    /** Verifies that the tree ({@code newSize}, {@code newRoot}) extends ({@code oldSize}, {@code oldRoot}). */
    public static Verification verify(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        Objects.requireNonNull(oldRoot, "oldRoot");
        Objects.requireNonNull(newRoot, "newRoot");
        Objects.requireNonNull(proof, "proof");
        if (oldSize < 0 || oldSize > newSize) {
            return Verification.failed(
                    Rule.LOG_CON_1,
                    "the old tree size must not exceed the new tree size",
                    "0 <= old size <= " + newSize,
                    Long.toUnsignedString(oldSize));
        }
        List<FailedCheck> failures = new ArrayList<>();
        if (oldSize == newSize || oldSize == 0) {
            expectLength(failures, oldSize, newSize, 0, proof.size());
            if (oldSize == 0) {
                expectRoot(failures, Rule.LOG_CON_2, "old root (empty tree)", LogHasher.emptyRoot(), oldRoot);
            }
            if (oldSize == newSize) {
                expectRoot(failures, Rule.LOG_CON_3, "new root (same size)", oldRoot, newRoot);
            } else {
                checkLength(failures, "new root", newRoot);
            }
            return result(failures);
        }
        checkLength(failures, "old root", oldRoot);
        checkLength(failures, "new root", newRoot);
        for (int i = 0; i < proof.size(); i++) {
            checkLength(failures, "proof[" + i + "]", proof.get(i));
        }
        expectLength(failures, oldSize, newSize, expectedLength(oldSize, newSize), proof.size());
        if (!failures.isEmpty()) {
            return result(failures);
        }
        byte[][] roots = rootsFromProof(oldSize, newSize, oldRoot, proof);
        expectRoot(failures, Rule.LOG_CON_2, "old root", oldRoot, roots[0]);
        expectRoot(failures, Rule.LOG_CON_3, "new root", newRoot, roots[1]);
        return result(failures);
    }

    /**
     * The number of hashes in the consistency proof from {@code m} to {@code n} leaves, {@code 0 <
     * m < n}: the inclusion proof length of leaf {@code m - 1} in the new tree, minus the levels of
     * the perfect subtree that ends the old tree (its hashes are implied), plus that subtree's own
     * hash unless it is the whole old tree (then the old root stands in for it, step 2).
     */
    public static int expectedLength(long m, long n) {
        if (m <= 0 || m >= n) {
            throw new IllegalArgumentException("need 0 < m < n, got m=" + m + ", n=" + n);
        }
        int shift = Long.numberOfTrailingZeros(m);
        int path = InclusionVerifier.expectedLength(m - 1, n) - shift;
        return Long.bitCount(m) == 1 ? path : path + 1;
    }

    /** RFC 9162 §2.1.4.2 steps 2 to 6; returns {fr, sr}. The caller has checked the length. */
    private static byte[][] rootsFromProof(long m, long n, byte[] oldRoot, List<byte[]> proof) {
        LogHasher hasher = LogHasher.create();
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(m) == 1) {
            path.add(oldRoot);
        }
        path.addAll(proof);
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new IllegalStateException("proof longer than checked; length check is wrong");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hasher.nodeHash(c, fr);
                sr = hasher.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = hasher.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new IllegalStateException("proof shorter than checked; length check is wrong");
        }
        return new byte[][] {fr, sr};
    }

    private static void expectLength(List<FailedCheck> failures, long m, long n, int want, int got) {
        if (want != got) {
            failures.add(new FailedCheck(
                    Rule.LOG_CON_4,
                    "a consistency proof from " + m + " to " + n + " has " + want + " hashes",
                    Integer.toString(want),
                    Integer.toString(got)));
        }
    }

    private static void expectRoot(
            List<FailedCheck> failures, Rule rule, String what, byte[] expected, byte[] computed) {
        if (!Arrays.equals(expected, computed)) {
            failures.add(new FailedCheck(
                    rule,
                    "the consistency proof does not reproduce the " + what,
                    InclusionVerifier.hex(expected),
                    InclusionVerifier.hex(computed)));
        }
    }

    private static void checkLength(List<FailedCheck> failures, String what, byte[] hash) {
        if (hash.length != LogHasher.HASH_SIZE) {
            failures.add(new FailedCheck(
                    Rule.LOG_CON_5, "the " + what + " must be a 32-byte hash", "32 bytes", hash.length + " bytes"));
        }
    }

    private static Verification result(List<FailedCheck> failures) {
        return failures.isEmpty() ? Verification.verified() : new Verification.Failed(failures);
    }
}
