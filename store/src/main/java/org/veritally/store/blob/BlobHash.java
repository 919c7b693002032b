package org.veritally.store.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.veritally.core.evidence.Blob;
import org.veritally.store.StoreException;
import org.veritally.store.StoreRule;

/**
 * The name of a blob: the SHA-256 (FIPS 180-4) of its bytes, as 64 lower-case hex digits. Checks a name before a blob
 * store uses it ({@link StoreRule#STORE_BLOB_NAME}) and bytes read back against their name ({@link
 * StoreRule#STORE_BLOB_HASH}). Stateless.
 */
public final class BlobHash {
    /** The length of a name: 32 bytes in hex. */
    public static final int LENGTH = 64;

    private static final HexFormat HEX = HexFormat.of();

    private BlobHash() {}

    /** The name of {@code bytes}. */
    public static String of(byte[] bytes) {
        return HEX.formatHex(digest().digest(bytes));
    }

    /**
     * Whether {@code s} is a blob name: exactly 64 characters, each {@code 0-9} or {@code a-f}. The same test as the
     * evidence entries' ({@link Blob#isSha256}), so that the store takes every name an entry may carry and no other.
     */
    public static boolean valid(String s) {
        return Blob.isSha256(s);
    }

    /**
     * Returns {@code s} if it is a blob name.
     *
     * @throws IllegalArgumentException {@code STORE-BLOB-NAME}, quoting (the start of) what was given
     */
    public static String require(String s) {
        if (valid(s)) return s;
        String shown = s == null ? "null" : "\"" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "\"";
        throw new IllegalArgumentException(StoreRule.STORE_BLOB_NAME + ": a blob name is the SHA-256 of its bytes as "
                + LENGTH + " lower-case hex digits, not " + shown);
    }

    /**
     * Returns {@code bytes}, read from {@code where} under the name {@code name}, if they hash to that name.
     *
     * @throws StoreException {@code STORE-BLOB-HASH} naming the blob, where it is, and the hash its bytes have now
     */
    static byte[] checked(String name, byte[] bytes, String where) {
        String actual = of(bytes);
        if (actual.equals(name)) return bytes;
        throw new StoreException(
                StoreRule.STORE_BLOB_HASH,
                StoreRule.STORE_BLOB_HASH + ": the blob " + name + " in " + where + " is damaged or altered: its "
                        + bytes.length + " bytes hash to " + actual + "; it is not served (restore it from a mirror)",
                null);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
