package org.veritally.translog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The RFC 9162 §2.1.1 Merkle tree hashes with SHA-256: the empty root {@code SHA-256()}, the leaf
 * hash {@code SHA-256(0x00 || entry)} and the interior node hash {@code SHA-256(0x01 || left ||
 * right)}. The 0x00/0x01 prefixes separate the two domains, so a leaf can never be passed off as a
 * node (RFC 9162 §2.1.1, second-preimage resistance).
 *
 * <p><b>Thread-safety:</b> not thread-safe. An instance reuses one {@link MessageDigest} so the
 * append hot path allocates nothing but the result; confine each instance to one thread (or one
 * call) and create more with {@link #create()}, which is cheap. Every returned array is new and
 * owned by the caller.
 */
public final class LogHasher {

    /** Size in bytes of every hash of the log. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT =
            HexFormat.of().parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    private final MessageDigest digest;

    private LogHasher(MessageDigest digest) {
        this.digest = digest;
    }

    /** A new hasher for the calling thread. */
    public static LogHasher create() {
        try {
            return new LogHasher(MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256 (MessageDigest Javadoc); this cannot happen.
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The root of the empty tree, {@code SHA-256()} (RFC 9162 §2.1.1). */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** The leaf hash {@code SHA-256(0x00 || entry)} of a log entry. */
    public byte[] leafHash(byte[] entry) {
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    /**
     * The interior node hash {@code SHA-256(0x01 || left || right)}.
     *
     * @throws IllegalArgumentException if either child is not {@value #HASH_SIZE} bytes
     */
    public byte[] nodeHash(byte[] left, byte[] right) {
        if (left.length != HASH_SIZE || right.length != HASH_SIZE) {
            throw new IllegalArgumentException(
                    "node children must be 32 bytes, got " + left.length + " and " + right.length);
        }
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }
}
