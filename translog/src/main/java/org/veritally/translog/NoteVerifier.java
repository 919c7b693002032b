package org.veritally.translog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies the Ed25519 signatures of a C2SP signed note against a set of trusted keys.
 *
 * <p>Per signed-note §Signatures: a line whose (key name, key ID) matches no trusted key is
 * ignored, even if one of the two matches; a line from a trusted key must verify ({@code
 * NOTE-SIG-2}: one bad signature rejects the whole note); a trusted key may sign once ({@code
 * NOTE-SIG-3}); and at least one trusted signature must verify ({@code NOTE-SIG-1}).
 *
 * <p>Only {@link VerifierKey#TYPE_ED25519} keys sign note text; witness keys are checked by {@link
 * WitnessQuorum}. Stateless and thread-safe.
 */
public final class NoteVerifier {

    private NoteVerifier() {}

    /**
     * Verifies {@code note} against {@code trusted}.
     *
     * @throws IllegalArgumentException if a trusted key is not an Ed25519 note key
     */
    public static Verification verify(Note note, Collection<VerifierKey> trusted) {
        Objects.requireNonNull(note, "note");
        for (VerifierKey k : trusted) {
            if (k.type() != VerifierKey.TYPE_ED25519) {
                throw new IllegalArgumentException("not a note key (type 0x01): " + k);
            }
        }
        byte[] message = note.text().getBytes(StandardCharsets.UTF_8);
        List<FailedCheck> failures = new ArrayList<>();
        Set<VerifierKey> seen = new HashSet<>();
        int verified = 0;
        for (NoteSignature sig : note.signatures()) {
            VerifierKey key = trusted.stream().filter(sig::isFrom).findFirst().orElse(null);
            if (key == null) {
                continue;
            }
            if (!seen.add(key)) {
                failures.add(new FailedCheck(
                        Rule.NOTE_SIG_3, "key " + key.name() + " signed more than once", "1", "2 or more"));
            } else if (key.verifies(message, sig.signature())) {
                verified++;
            } else {
                failures.add(new FailedCheck(
                        Rule.NOTE_SIG_2,
                        "the signature of trusted key " + key.name() + "+" + key.keyIdHex() + " does not verify",
                        "valid Ed25519 signature",
                        "invalid"));
            }
        }
        if (verified == 0) {
            failures.add(new FailedCheck(
                    Rule.NOTE_SIG_1, "no signature by a trusted key verifies", "at least 1 verified signature", "0"));
        }
        return failures.isEmpty() ? Verification.verified() : new Verification.Failed(failures);
    }
}
