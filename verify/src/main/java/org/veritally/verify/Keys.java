package org.veritally.verify;

import java.util.ArrayList;
import java.util.List;
import org.veritally.core.validation.Problem;
import org.veritally.translog.Parsed;
import org.veritally.translog.Rule;
import org.veritally.translog.VerifierKey;

/**
 * Reads the keys a user pins: a C2SP verifier key string ({@code name+hexid+base64}), or the text of
 * a file holding one (the last line that is neither blank nor a {@code #} comment, as {@code
 * log-key} prints it). Checks the key's type: a log key signs notes (type 0x01), a witness key
 * cosigns (type 0x04). Stateless and thread-safe.
 */
public final class Keys {

    private Keys() {}

    /**
     * The verifier key in {@code text}: a key string, or a file's text whose last meaningful line is
     * one.
     *
     * @throws IllegalArgumentException listing every problem with its rule if it is not a key
     */
    public static VerifierKey parse(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                lines.add(t);
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no verifier key given");
        }
        Parsed<VerifierKey> parsed = VerifierKey.parse(lines.get(lines.size() - 1));
        if (parsed instanceof Parsed.Ok<VerifierKey> ok) {
            return ok.value();
        }
        throw new IllegalArgumentException("not a verifier key: "
                + String.join(
                        "; ", parsed.problems().stream().map(Problem::toString).toList()));
    }

    /** {@code key}, if it is a log (note-signing, type 0x01) key. */
    public static VerifierKey requireLogKey(VerifierKey key) {
        if (key.type() != VerifierKey.TYPE_ED25519) {
            throw new IllegalArgumentException(
                    Rule.NOTE_KEY_2.id() + ": " + key.name() + " is a witness (cosignature) key, not a log key");
        }
        return key;
    }

    /** {@code key}, if it is a witness (cosignature/v1, type 0x04) key. */
    public static VerifierKey requireWitnessKey(VerifierKey key) {
        if (key.type() != VerifierKey.TYPE_COSIGNATURE) {
            throw new IllegalArgumentException(
                    Rule.NOTE_KEY_2.id() + ": " + key.name() + " is not a witness (cosignature, type 0x04) key");
        }
        return key;
    }
}
