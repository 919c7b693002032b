package org.veritally.core.entry;

import org.veritally.core.evidence.Blob;
import org.veritally.core.transcribe.FlagReason;

/**
 * One account's report that a photo cannot be transcribed (docs/transcription.md): {@code photo} is the
 * original's SHA-256, filed as evidence for {@code stationId} by {@code sourceId}. With {@code settles} it
 * is a moderator's decision that an escalated photo yields no copy (TR-SETTLE). Immutable.
 */
public record TranscriptionFlagEntry(
        String photo, String stationId, String sourceId, String account, FlagReason reason, boolean settles)
        implements TranscriptionWork {
    public TranscriptionFlagEntry {
        if (!Blob.isSha256(photo)) throw new IllegalArgumentException("a photo is named by its SHA-256");
        if (stationId == null || sourceId == null || reason == null)
            throw new IllegalArgumentException("a flag names its station, source and reason");
        if (account == null || account.isBlank()) throw new IllegalArgumentException("a flag names its account");
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
