package org.veritally.translog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.veritally.core.validation.Problem;

/**
 * The shared tail of verifier and signer key strings, {@code <name>+<hex key ID>+<base64(type ||
 * 32 bytes)>}, parsed strictly with every problem reported ({@code NOTE-KEY-1}, {@code
 * NOTE-KEY-2}). The base64 part may itself contain {@code +}, so only the first two {@code +}
 * separate fields.
 *
 * <p>Immutable and thread-safe; the caller wipes {@link #material} of a signer key after use.
 *
 * @param name the key name
 * @param keyId the key ID as written
 * @param type the signature type byte
 * @param material the 32 bytes after the type byte (public key or seed)
 */
record KeyText(String name, int keyId, byte type, byte[] material) {

    static Parsed<KeyText> parse(String text) {
        String[] parts = text.split("\\+", 3);
        if (parts.length != 3) {
            return Parsed.invalid(Rule.NOTE_KEY_1, "key", "expected name+hexid+base64");
        }
        List<Problem> problems = new ArrayList<>();
        if (!VerifierKey.isValidName(parts[0])) {
            problems.add(new Problem(Rule.NOTE_KEY_1, "name", "key name is empty or has a space or '+'"));
        }
        if (!parts[1].matches("[0-9a-fA-F]{8}")) {
            problems.add(new Problem(Rule.NOTE_KEY_1, "key ID", "key ID is not 8 hex digits"));
        }
        byte[] bytes = null;
        try {
            bytes = Base64.getDecoder().decode(parts[2]);
            if (!Base64.getEncoder().encodeToString(bytes).equals(parts[2])) {
                problems.add(new Problem(Rule.NOTE_KEY_1, "key", "key is not canonical padded base64"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Rule.NOTE_KEY_1, "key", "key is not base64"));
        }
        if (bytes != null && bytes.length != 1 + Ed25519.KEY_SIZE) {
            problems.add(new Problem(Rule.NOTE_KEY_2, "key", "key is " + bytes.length + " bytes, want 33"));
        } else if (bytes != null && bytes[0] != VerifierKey.TYPE_ED25519 && bytes[0] != VerifierKey.TYPE_COSIGNATURE) {
            problems.add(new Problem(Rule.NOTE_KEY_2, "key", "unsupported key type " + bytes[0]));
        }
        if (!problems.isEmpty()) {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
            return Parsed.invalid(problems);
        }
        byte type = bytes[0];
        byte[] material = Arrays.copyOfRange(bytes, 1, bytes.length);
        Arrays.fill(bytes, (byte) 0);
        return Parsed.ok(new KeyText(parts[0], Integer.parseUnsignedInt(parts[1], 16), type, material));
    }
}
