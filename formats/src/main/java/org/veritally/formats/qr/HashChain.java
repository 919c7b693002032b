package org.veritally.formats.qr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The boletim's SHA-512 hash chain (../shared/README.md): {@code HASH_1 = SHA-512(c_1)} and {@code HASH_k =
 * SHA-512(c_1 " HASH:" h_1 " " c_2 … " HASH:" h_(k-1) " " c_k)}, where {@code c_k} is part k's content and
 * {@code h_k} its HASH token as printed. The 2018 two-part sample reproduces it. One place for the chain: the
 * assembler links parts with it and the verifier checks it. Stateless and thread-safe.
 */
public final class HashChain {
    private HashChain() {}

    /** A fresh SHA-512 digest. */
    static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }

    /** The digest state after parts 1..k: their chain input, ready for part k+1's content. */
    static MessageDigest after(MessageDigest before, BoletimPart part) {
        MessageDigest d = copy(before);
        d.update(part.content().getBytes(StandardCharsets.UTF_8));
        d.update((" HASH:" + part.hashHex() + " ").getBytes(StandardCharsets.UTF_8));
        return d;
    }

    /** SHA-512 of the chain input ending with {@code part}'s content, given the state after the earlier parts. */
    static byte[] hashOf(MessageDigest before, BoletimPart part) {
        MessageDigest d = copy(before);
        return d.digest(part.content().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code part}'s stated hash is the chain's after {@code before} (the state after its earlier parts). */
    static boolean links(MessageDigest before, BoletimPart part) {
        return MessageDigest.isEqual(hashOf(before, part), HexFormat.of().parseHex(part.hashHex()));
    }

    /** The computed hash of every part of {@code parts} (in order, part 1 first). */
    public static List<byte[]> computed(List<BoletimPart> parts) {
        MessageDigest d = sha512();
        byte[][] out = new byte[parts.size()][];
        for (int i = 0; i < parts.size(); i++) {
            out[i] = hashOf(d, parts.get(i));
            d = after(d, parts.get(i));
        }
        return List.of(out);
    }

    private static MessageDigest copy(MessageDigest d) {
        try {
            return (MessageDigest) d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-512 digest cannot be cloned", e);
        }
    }
}
