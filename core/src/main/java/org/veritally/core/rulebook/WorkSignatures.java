package org.veritally.core.rulebook;

import java.util.Optional;
import java.util.function.Predicate;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.entry.TranscriptionWork;
import org.veritally.core.transcribe.TranscriptionRule;
import org.veritally.core.validation.Problem;

/**
 * TR-SIGN (docs/log-format.md §5.9 step 0, docs/transcription.md#signatures): a transcription, flag or report
 * is signed by its own account, with the key live for that account at the entry's index, over the canonical
 * entry without the {@code signature} member; and from the account's first {@code key} entry on (of a source or
 * an account key), its work must be signed, also once that key is revoked, as a source signs for good (§1.4).
 * There is no {@code signer} member: the signer is the entry's {@code account}, so a signature made with another
 * account's key simply does not verify. A pause is not the paused account's work and is never signed. Pure and
 * stateless; part of the {@link Rulebook}, so {@code verify} re-checks every signature.
 */
final class WorkSignatures {
    private WorkSignatures() {}

    /** TR-SIGN for {@code work}, if broken; {@code verifies} checks the entry's signature with a verifier key. */
    static Optional<Problem> check(
            KeyRing ring, TranscriptionWork work, String account, Predicate<String> verifies, String where) {
        Optional<SheetSignature> sig = work.signature();
        if (sig.isEmpty()) {
            return ring.firstKey(account)
                    .map(first -> new Problem(
                            TranscriptionRule.TR_SIGN,
                            where + " signature",
                            "account '" + account + "' signs its work since its key at entry " + first + "; this "
                                    + work.kind() + " is unsigned"));
        }
        Optional<KeyRing.Live> key = ring.live(account);
        if (key.isEmpty()) {
            return Optional.of(new Problem(
                    TranscriptionRule.TR_SIGN,
                    where + " signature",
                    ring.revoked(account)
                            .map(r -> "account '" + account + "''s key was revoked at entry " + r.index())
                            .orElse("account '" + account + "' has no registered key")));
        }
        if (!verifies.test(key.get().entry().verifierKey())) {
            return Optional.of(new Problem(
                    TranscriptionRule.TR_SIGN,
                    where + " signature",
                    "the signature does not verify with account '" + account + "''s key (entry "
                            + key.get().index() + ")"));
        }
        return Optional.empty();
    }
}
