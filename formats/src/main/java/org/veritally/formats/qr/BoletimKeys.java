package org.veritally.formats.qr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.veritally.core.validation.Problem;

/**
 * The Ed25519 public keys that sign boletins, one per state ({@code UNFE}), as the TSE publishes them: a
 * directory of {@code o<uf>qrcode.pub} files of 32 raw bytes (RFC 8032 §5.1.5 encoding). The raw key is wrapped in
 * the fixed X.509 SubjectPublicKeyInfo prefix of RFC 8410 §4 for the JDK's {@code KeyFactory}. Immutable.
 */
public final class BoletimKeys {
    /** SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410 §4), before the 32 key bytes. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    static final Pattern FILE = Pattern.compile("o([a-z]{2})qrcode\\.pub");
    private final Map<String, PublicKey> byState;

    private BoletimKeys(Map<String, PublicKey> byState) {
        this.byState = Map.copyOf(byState);
    }

    /** No key at all: every boletim is BU-KEY. */
    public static BoletimKeys none() {
        return new BoletimKeys(Map.of());
    }

    /**
     * Keys from raw 32-byte Ed25519 keys by state (any case).
     *
     * @throws IllegalArgumentException if a key is not 32 bytes
     */
    public static BoletimKeys of(Map<String, byte[]> raw) {
        Map<String, PublicKey> m = new TreeMap<>();
        raw.forEach((uf, bytes) -> m.put(uf.toUpperCase(Locale.ROOT), publicKey(bytes)));
        return new BoletimKeys(m);
    }

    /** Reads every {@code o<uf>qrcode.pub} of {@code dir}; a file that is not 32 bytes is a BU-KEY problem. */
    public static BoletimKeys read(Path dir, List<Problem> problems) {
        Map<String, PublicKey> keys = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).forEach(files::add);
            for (Path f : files) {
                byte[] b = Files.readAllBytes(f);
                var m = FILE.matcher(f.getFileName().toString());
                m.matches();
                if (b.length != 32)
                    problems.add(Problem.mismatch(
                            BoletimRule.BU_KEY,
                            f.toString(),
                            "not a raw Ed25519 public key",
                            "32 bytes",
                            b.length + " bytes"));
                else {
                    try {
                        keys.put(m.group(1).toUpperCase(Locale.ROOT), publicKey(b));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(BoletimRule.BU_KEY, f.toString(), "not an Ed25519 public key"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BoletimKeys(keys);
    }

    /** The key of state {@code uf} (any case). */
    public Optional<PublicKey> key(String uf) {
        return Optional.ofNullable(byState.get(uf.toUpperCase(Locale.ROOT)));
    }

    /** The states with a key, upper case, sorted. */
    public List<String> states() {
        return List.copyOf(new TreeMap<>(byState).keySet());
    }

    static PublicKey publicKey(byte[] raw) {
        if (raw.length != 32)
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, not " + raw.length);
        byte[] der = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
