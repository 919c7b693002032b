package org.veritally.translog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Verifies an RFC 9162 §2.1.3.2 inclusion proof, returning a {@link Verification} that names the
 * failed rule with the expected and computed values.
 *
 * <p>Checks, in order (later checks are skipped when an earlier one makes them meaningless):
 *
 * <ul>
 *   <li>{@code LOG-INC-1} the leaf index is below the tree size (step 1);
 *   <li>{@code LOG-INC-4} the leaf hash, the root and each proof hash are 32 bytes;
 *   <li>{@code LOG-INC-3} the proof has exactly the number of hashes the (index, size) need:
 *       one per level below the point where the leaf's path leaves the right edge, plus one per
 *       left sibling above it (the condition steps 4a and 5 test on {@code sn});
 *   <li>{@code LOG-INC-2} the proof reproduces the root (steps 2 to 5).
 * </ul>
 *
 * <p>Stateless and thread-safe. Sizes and indexes are signed {@code long}s; a negative value (for
 * example an unsigned 2^64-1 read into a {@code long}) fails {@code LOG-INC-1}.
 */
public final class InclusionVerifier {

    private InclusionVerifier() {}

    /** Verifies that {@code leafHash} is at {@code index} in the tree of {@code size} with {@code root}. */
    public static Verification verify(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(root, "root");
        if (index < 0 || index >= size) {
            return Verification.failed(
                    Rule.LOG_INC_1,
                    "the leaf index must be below the tree size",
                    "index < " + size,
                    Long.toUnsignedString(index));
        }
        List<FailedCheck> failures = new ArrayList<>();
        checkLength(failures, "leaf hash", leafHash);
        checkLength(failures, "root", root);
        for (int i = 0; i < proof.size(); i++) {
            checkLength(failures, "proof[" + i + "]", proof.get(i));
        }
        int want = expectedLength(index, size);
        if (proof.size() != want) {
            failures.add(new FailedCheck(
                    Rule.LOG_INC_3,
                    "an inclusion proof for leaf " + index + " of " + size + " has " + want + " hashes",
                    Integer.toString(want),
                    Integer.toString(proof.size())));
        }
        if (!failures.isEmpty()) {
            return new Verification.Failed(failures);
        }
        byte[] computed = rootFromPath(index, size, leafHash, proof);
        if (!Arrays.equals(computed, root)) {
            return Verification.failed(
                    Rule.LOG_INC_2, "the inclusion proof does not reproduce the root", hex(root), hex(computed));
        }
        return Verification.verified();
    }

    /**
     * The number of hashes in the inclusion proof of leaf {@code index} in a tree of {@code size}:
     * the levels below the highest bit where {@code index} and {@code size - 1} differ (siblings
     * inside the perfect subtree the leaf shares with the last leaf), plus the set bits of {@code
     * index} above it (left siblings on the right edge).
     */
    public static int expectedLength(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not below size " + size);
        }
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        return inner + Long.bitCount(index >>> inner);
    }

    /** RFC 9162 §2.1.3.2 steps 2 to 4; the caller has checked the proof length. */
    static byte[] rootFromPath(long index, long size, byte[] leafHash, List<byte[]> proof) {
        LogHasher hasher = LogHasher.create();
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new IllegalStateException("proof longer than checked; length check is wrong");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hasher.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = hasher.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new IllegalStateException("proof shorter than checked; length check is wrong");
        }
        return r;
    }

    private static void checkLength(List<FailedCheck> failures, String what, byte[] hash) {
        if (hash.length != LogHasher.HASH_SIZE) {
            failures.add(new FailedCheck(
                    Rule.LOG_INC_4, "the " + what + " must be a 32-byte hash", "32 bytes", hash.length + " bytes"));
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
