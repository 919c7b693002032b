package org.veritally.translog;

import java.util.Base64;
import java.util.Optional;

/**
 * Strict RFC 4648 §4 standard base64, as signed notes and checkpoints use it: padded, no line
 * breaks, and canonical (re-encoding gives the same text), so one value has one spelling.
 *
 * <p>The JDK decoder alone accepts missing padding and non-zero trailing bits; comparing against
 * the re-encoding rejects both. Stateless and thread-safe.
 */
final class CanonicalBase64 {

    private CanonicalBase64() {}

    /** The decoded bytes, or empty if {@code text} is not canonical padded standard base64. */
    static Optional<byte[]> decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Base64.getEncoder().encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }
}
