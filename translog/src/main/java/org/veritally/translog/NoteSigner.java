package org.veritally.translog;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A private Ed25519 key that signs notes, in the signer key encoding of golang.org/x/mod/sumdb/note
 * that C2SP tools share: {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(type || 32-byte seed)>}.
 *
 * <p>With {@link VerifierKey#TYPE_ED25519} it signs note text (C2SP signed-note); with {@link
 * VerifierKey#TYPE_COSIGNATURE} it is a witness key for {@link Cosignature}s. Rules checked by
 * {@link #parse}: {@code NOTE-KEY-1}, {@code NOTE-KEY-2}, {@code NOTE-KEY-3} (the key ID must match
 * the public key derived from the seed).
 *
 * <p>Invariants: the seed is 32 bytes and the verifier key is derived from it. {@link #toString}
 * never shows the seed. Immutable and thread-safe (each signature uses its own JDK signer).
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final byte[] seed;
    private final PrivateKey privateKey;
    private final VerifierKey verifierKey;

    private NoteSigner(String name, byte type, byte[] seed) {
        this.seed = seed.clone();
        this.privateKey = Ed25519.privateKey(seed);
        this.verifierKey = VerifierKey.of(name, type, Ed25519.publicKeyFromSeed(seed));
    }

    /** A new random key of the given type for {@code name}. */
    public static NoteSigner generate(String name, byte type) {
        return of(name, type, Ed25519.randomSeed());
    }

    /**
     * The signer for a name, a type and a 32-byte seed (RFC 8032 private key).
     *
     * @throws IllegalArgumentException if the name, type or seed is invalid
     */
    public static NoteSigner of(String name, byte type, byte[] seed) {
        if (seed.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
        }
        return new NoteSigner(name, type, seed);
    }

    /** Parses a signer key string, reporting every problem with its rule. */
    public static Parsed<NoteSigner> parse(String skey) {
        Objects.requireNonNull(skey, "skey");
        if (!skey.startsWith(PREFIX)) {
            return Parsed.invalid(Rule.NOTE_KEY_1, "key", "signer key must start with PRIVATE+KEY+");
        }
        Parsed<KeyText> parsed = KeyText.parse(skey.substring(PREFIX.length()));
        if (!(parsed instanceof Parsed.Ok<KeyText> ok)) {
            return Parsed.invalid(parsed.problems());
        }
        KeyText k = ok.value();
        NoteSigner signer = new NoteSigner(k.name(), k.type(), k.material());
        Arrays.fill(k.material(), (byte) 0);
        if (signer.verifierKey.keyId() != k.keyId()) {
            return Parsed.invalid(
                    Rule.NOTE_KEY_3,
                    "key ID",
                    String.format(
                            "key ID %08x does not match the key, which has %s",
                            k.keyId(), signer.verifierKey.keyIdHex()));
        }
        return Parsed.ok(signer);
    }

    /** The signer key string. It holds the private key: keep it secret. */
    public String encode() {
        byte[] material = new byte[1 + seed.length];
        material[0] = verifierKey.type();
        System.arraycopy(seed, 0, material, 1, seed.length);
        String out = PREFIX + verifierKey.name() + "+" + verifierKey.keyIdHex() + "+"
                + Base64.getEncoder().encodeToString(material);
        Arrays.fill(material, (byte) 0);
        return out;
    }

    /** The matching public key. */
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The key name. */
    public String name() {
        return verifierKey.name();
    }

    /** The raw Ed25519 signature of {@code message}. */
    public byte[] signBytes(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    /**
     * The C2SP signed-note signature of {@code text} (type 0x01 keys only).
     *
     * @throws IllegalStateException if this is a witness (cosignature) key, whose signatures cover a
     *     different message: use {@link Cosignature#sign}
     */
    public NoteSignature sign(String text) {
        if (verifierKey.type() != VerifierKey.TYPE_ED25519) {
            throw new IllegalStateException("a cosignature key signs with Cosignature.sign");
        }
        byte[] sig = signBytes(text.getBytes(StandardCharsets.UTF_8));
        return new NoteSignature(verifierKey.name(), verifierKey.keyId(), sig);
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifierKey.name() + "+" + verifierKey.keyIdHex() + "]";
    }
}
