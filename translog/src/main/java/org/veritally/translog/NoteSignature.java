package org.veritally.translog;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a C2SP signed note: {@code — <key name> base64(key ID || signature)}, with
 * an em dash (U+2014).
 *
 * <p>The signature bytes are opaque here: Ed25519 note signatures are 64 bytes, cosignatures 72
 * (timestamp and signature, see {@link Cosignature}), and signatures of unknown algorithms any
 * length. Rule {@code NOTE-FMT-3} (line syntax) is checked by {@link #parseLine}.
 *
 * <p>Invariants: the key name is valid (see {@link VerifierKey}); the signature is non-empty.
 * Immutable (the array is copied in and out) and thread-safe.
 *
 * @param keyName the signer's key name
 * @param keyId the 4-byte key ID, big-endian
 * @param signature the signature bytes after the key ID
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    /** The em dash and space that start every signature line. */
    static final String LINE_PREFIX = "\u2014 ";

    public NoteSignature {
        if (!VerifierKey.isValidName(keyName)) {
            throw new IllegalArgumentException("invalid key name: " + keyName);
        }
        if (signature.length == 0) {
            throw new IllegalArgumentException("empty signature");
        }
        signature = signature.clone();
    }

    /** Parses one signature line, without its newline. */
    public static Parsed<NoteSignature> parseLine(String line, String location) {
        Objects.requireNonNull(line, "line");
        if (!line.startsWith(LINE_PREFIX)) {
            return Parsed.invalid(Rule.NOTE_FMT_3, location, "signature line must start with '\u2014 '");
        }
        String rest = line.substring(LINE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            return Parsed.invalid(Rule.NOTE_FMT_3, location, "no space between key name and signature");
        }
        String name = rest.substring(0, space);
        if (!VerifierKey.isValidName(name)) {
            return Parsed.invalid(Rule.NOTE_FMT_3, location, "invalid key name '" + name + "'");
        }
        byte[] payload = CanonicalBase64.decode(rest.substring(space + 1)).orElse(null);
        if (payload == null) {
            return Parsed.invalid(Rule.NOTE_FMT_3, location, "signature is not canonical base64");
        }
        if (payload.length <= 4) {
            return Parsed.invalid(Rule.NOTE_FMT_3, location, "signature is shorter than a key ID");
        }
        int id = (payload[0] & 0xff) << 24 | (payload[1] & 0xff) << 16 | (payload[2] & 0xff) << 8 | (payload[3] & 0xff);
        return Parsed.ok(new NoteSignature(name, id, Arrays.copyOfRange(payload, 4, payload.length)));
    }

    /** The signature line, without its newline. */
    public String line() {
        byte[] payload = new byte[4 + signature.length];
        payload[0] = (byte) (keyId >>> 24);
        payload[1] = (byte) (keyId >>> 16);
        payload[2] = (byte) (keyId >>> 8);
        payload[3] = (byte) keyId;
        System.arraycopy(signature, 0, payload, 4, signature.length);
        return LINE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(payload);
    }

    /** Whether this line claims to be from {@code key} (same name and key ID). */
    public boolean isFrom(VerifierKey key) {
        return key.name().equals(keyName) && key.keyId() == keyId;
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature s
                && s.keyName.equals(keyName)
                && s.keyId == keyId
                && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line();
    }
}
