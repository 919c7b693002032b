package org.veritally.core.entry;

import java.util.Optional;
import org.veritally.core.evidence.Blob;
import org.veritally.core.transcribe.FlagReason;

/**
 * One account's report that a photo cannot be transcribed (docs/transcription.md): {@code photo} is the
 * original's SHA-256, filed as evidence for {@code stationId} by {@code sourceId}. With {@code settles} it
 * is a moderator's decision that an escalated photo yields no copy (TR-SETTLE). {@code signature}, if present,
 * is the account's over the canonical entry without it (TR-SIGN). Immutable.
 */
public record TranscriptionFlagEntry(
        String photo,
        String stationId,
        String sourceId,
        String account,
        FlagReason reason,
        boolean settles,
        Optional<SheetSignature> signature)
        implements TranscriptionWork {
    /** An unsigned flag. */
    public TranscriptionFlagEntry(
            String photo, String stationId, String sourceId, String account, FlagReason reason, boolean settles) {
        this(photo, stationId, sourceId, account, reason, settles, Optional.empty());
    }

    public TranscriptionFlagEntry {
        if (!Blob.isSha256(photo)) throw new IllegalArgumentException("a photo is named by its SHA-256");
        if (stationId == null || sourceId == null || reason == null)
            throw new IllegalArgumentException("a flag names its station, source and reason");
        if (account == null || account.isBlank()) throw new IllegalArgumentException("a flag names its account");
        if (signature.isPresent() && !signature.get().signer().equals(account))
            throw new IllegalArgumentException("work is signed by its own account");
    }

    /** This flag signed by its account with {@code signature} (Ed25519, 64 bytes). */
    public TranscriptionFlagEntry signed(byte[] signature) {
        return new TranscriptionFlagEntry(
                photo,
                stationId,
                sourceId,
                account,
                reason,
                settles,
                Optional.of(new SheetSignature(account, signature)));
    }

    /** This flag without its signature: what the signature covers. */
    public TranscriptionFlagEntry unsigned() {
        return new TranscriptionFlagEntry(photo, stationId, sourceId, account, reason, settles);
    }

    @Override
    public Optional<String> worker() {
        return Optional.of(account);
    }

    @Override
    public String kind() {
        return "transcription-flag";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
        return v.flag(this);
    }
}
