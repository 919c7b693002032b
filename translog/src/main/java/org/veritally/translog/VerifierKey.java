package org.veritally.translog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A public key that verifies note signatures, in the C2SP signed-note verifier key encoding
 * {@code <name>+<8 hex digits of key ID>+<base64(type || public key)>}.
 *
 * <p>Two types are supported, both Ed25519: {@link #TYPE_ED25519} (0x01, signed-note signatures
 * over the note text, used by the log) and {@link #TYPE_COSIGNATURE} (0x04, C2SP tlog-cosignature
 * {@code cosignature/v1}, used by witnesses). The key ID is {@code SHA-256(name || 0x0A || type ||
 * public key)[:4]} as a big-endian {@code int} (signed-note §Signatures).
 *
 * <p>Invariants: the name is a valid key name (non-empty, no Unicode space, no {@code +}); the key
 * is a 32-byte Ed25519 point; the key ID matches. Rules checked by {@link #parse}: {@code
 * NOTE-KEY-1}, {@code NOTE-KEY-2}, {@code NOTE-KEY-3}. Immutable and thread-safe.
 */
public final class VerifierKey {

    /** Signature type byte of Ed25519 note signatures (C2SP signed-note). */
    public static final byte TYPE_ED25519 = 0x01;

    /** Signature type byte of timestamped Ed25519 witness cosignatures (C2SP tlog-cosignature). */
    public static final byte TYPE_COSIGNATURE = 0x04;

    private final String name;
    private final int keyId;
    private final byte type;
    private final byte[] publicKey;
    private final PublicKey jdkKey;

    private VerifierKey(String name, byte type, byte[] publicKey, PublicKey jdkKey) {
        this.name = name;
        this.type = type;
        this.publicKey = publicKey.clone();
        this.jdkKey = jdkKey;
        this.keyId = keyId(name, type, publicKey);
    }

    /**
     * The key for a name, a type and a raw 32-byte Ed25519 public key.
     *
     * @throws IllegalArgumentException if the name, type or key is invalid
     */
    public static VerifierKey of(String name, byte type, byte[] publicKey) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid key name: " + name);
        }
        if (type != TYPE_ED25519 && type != TYPE_COSIGNATURE) {
            throw new IllegalArgumentException("unsupported key type " + type);
        }
        if (publicKey.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        PublicKey jdk =
                Ed25519.publicKey(publicKey).orElseThrow(() -> new IllegalArgumentException("not an Ed25519 point"));
        return new VerifierKey(name, type, publicKey, jdk);
    }

    /** Parses a verifier key string, reporting every problem with its rule. */
    public static Parsed<VerifierKey> parse(String vkey) {
        Parsed<KeyText> parsed = KeyText.parse(Objects.requireNonNull(vkey, "vkey"));
        if (!(parsed instanceof Parsed.Ok<KeyText> ok)) {
            return Parsed.invalid(parsed.problems());
        }
        KeyText k = ok.value();
        PublicKey jdk = Ed25519.publicKey(k.material()).orElse(null);
        if (jdk == null) {
            return Parsed.invalid(Rule.NOTE_KEY_2, "key", "key is not an Ed25519 point");
        }
        VerifierKey key = new VerifierKey(k.name(), k.type(), k.material(), jdk);
        if (key.keyId != k.keyId()) {
            return Parsed.invalid(
                    Rule.NOTE_KEY_3,
                    "key ID",
                    String.format("key ID %08x does not match the key, which has %s", k.keyId(), key.keyIdHex()));
        }
        return Parsed.ok(key);
    }

    /** The verifier key string {@code name+hexid+base64(type||key)}. */
    public String encode() {
        byte[] material = new byte[1 + publicKey.length];
        material[0] = type;
        System.arraycopy(publicKey, 0, material, 1, publicKey.length);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(material);
    }

    /** The key name. */
    public String name() {
        return name;
    }

    /** The key ID, the first 4 bytes of the key hash as a big-endian int. */
    public int keyId() {
        return keyId;
    }

    /** The key ID as 8 lowercase hex digits. */
    public String keyIdHex() {
        return String.format("%08x", keyId);
    }

    /** The signature type byte. */
    public byte type() {
        return type;
    }

    /** The raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        return Ed25519.verify(jdkKey, message, signature);
    }

    /** Key name rule of signed-note §Format: non-empty, no Unicode spaces, no plus. */
    static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        return name.codePoints()
                .noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20);
    }

    /** {@code SHA-256(name || 0x0A || type || key)[:4]} as a big-endian int. */
    static int keyId(String name, byte type, byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(type);
            sha.update(key);
            byte[] h = sha.digest();
            return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey k
                && k.name.equals(name)
                && k.type == type
                && Arrays.equals(k.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return encode();
    }
}
