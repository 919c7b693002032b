package org.veritally.core.evidence;

import java.util.regex.Pattern;

/**
 * Bytes known by their SHA-256: the lower-case hex digest, the length and the media type sniffed
 * from the bytes (never the name a file came with). What an evidence entry says of the original
 * photo and of its public copy.
 */
public record Blob(String sha256, long size, String mediaType) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA = Pattern.compile("[a-z]+/[a-z0-9.+-]+");

    public Blob {
        if (!isSha256(sha256)) throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        if (size <= 0) throw new IllegalArgumentException("a blob has at least one byte");
        if (!MEDIA.matcher(mediaType).matches()) throw new IllegalArgumentException("not a media type: " + mediaType);
    }

    /** Whether {@code s} is 64 lower-case hex digits. */
    public static boolean isSha256(String s) {
        return s != null && HEX64.matcher(s).matches();
    }
}
