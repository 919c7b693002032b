package org.veritally.formats.entry;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.model.Election;
import org.veritally.core.rulebook.SignatureCheck;
import org.veritally.translog.Parsed;
import org.veritally.translog.VerifierKey;

/**
 * The rulebook's {@link SignatureCheck} for this log format: keys are C2SP signed-note Ed25519
 * verifier keys, and a sheet's signature covers its canonical entry without the {@code signature}
 * member (docs/log-format.md §1.4). Parsed keys are cached. Thread-safe.
 */
public final class NoteSignatureCheck implements SignatureCheck {
    private final EntryCodec codec;
    private final ConcurrentHashMap<String, Optional<VerifierKey>> keys = new ConcurrentHashMap<>();

    /** Checks sheet signatures of {@code election}'s log (none can be checked before the election). */
    public NoteSignatureCheck(Optional<Election> election) {
        this.codec = new EntryCodec(election);
    }

    private Optional<VerifierKey> parse(String verifierKey) {
        return keys.computeIfAbsent(
                verifierKey,
                k -> VerifierKey.parse(k) instanceof Parsed.Ok<VerifierKey> ok
                                && ok.value().type() == VerifierKey.TYPE_ED25519
                        ? Optional.of(ok.value())
                        : Optional.empty());
    }

    @Override
    public boolean isVerifierKey(String verifierKey) {
        return parse(verifierKey).isPresent();
    }

    @Override
    public boolean verifies(String verifierKey, SheetEntry entry) {
        var sig = entry.signature().orElseThrow();
        return parse(verifierKey)
                .map(k -> k.verifies(codec.signedMessage(entry.sheet(), sig.signer()), sig.signature()))
                .orElse(false);
    }

    @Override
    public boolean verifies(String verifierKey, org.veritally.core.entry.KeyEntry entry) {
        var sig = entry.endorsement().orElseThrow();
        return parse(verifierKey)
                .map(k -> k.verifies(KeyJson.signedMessage(entry, sig.signer()), sig.signature()))
                .orElse(false);
    }

    @Override
    public boolean verifies(String verifierKey, org.veritally.core.entry.TranscriptionWork entry) {
        var sig = entry.signature().orElseThrow();
        return parse(verifierKey)
                .map(k -> k.verifies(codec.signedMessage(entry), sig.signature()))
                .orElse(false);
    }

    @Override
    public boolean verifies(String verifierKey, EvidenceEntry entry) {
        var sig = entry.signature().orElseThrow();
        return parse(verifierKey)
                .map(k -> k.verifies(EvidenceJson.signedMessage(entry.evidence(), sig.signer()), sig.signature()))
                .orElse(false);
    }
}
