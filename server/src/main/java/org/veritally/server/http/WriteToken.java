package org.veritally.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.veritally.store.StoreException;
import org.veritally.store.WholeFile;

/**
 * The bearer token that authorises writes to the HTTP API until accounts and roles arrive: 32
 * random bytes, base64url, kept in {@code DATA/api-token} readable by its owner only. Compared in
 * constant time. The file is written whole or not at all, and an empty one is refused (it would
 * accept an empty token). Immutable.
 */
public final class WriteToken {
    public static final String FILE = "api-token";
    private final byte[] token;

    private WriteToken(byte[] token) {
        this.token = token;
    }

    /** Reads the token file, creating it on first use. */
    public static WriteToken load(Path dataDir) throws IOException {
        Path f = dataDir.resolve(FILE);
        if (!Files.exists(f)) {
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            String t = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            WholeFile.write(f, true, (t + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String t = Files.readString(f).strip();
        if (t.isEmpty())
            throw new StoreException(f + " is empty: delete it, and a new token is made at the next start", null);
        return new WriteToken(t.getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code authorization} is {@code Bearer <token>}. */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) return false;
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return MessageDigest.isEqual(
                    d.digest(given), MessageDigest.getInstance("SHA-256").digest(token));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
