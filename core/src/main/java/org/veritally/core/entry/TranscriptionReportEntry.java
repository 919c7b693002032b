package org.veritally.core.entry;

import java.util.Optional;
import org.veritally.core.evidence.Blob;
import org.veritally.core.transcribe.ReportReason;

/**
 * One account's report on a photo (docs/transcription.md#reports-on-photos): {@code photo} is the
 * original's SHA-256, filed as evidence for {@code stationId} by {@code sourceId}; {@code text} says more
 * (required for {@link ReportReason#OTHER}, at most 500 characters, else empty). Any account may report;
 * reports of the election's {@code reportThreshold} distinct accounts take an open photo out of the queue
 * (TR-REPORT). With {@code returns} it is a moderator's decision to return a reported photo to the queue
 * (TR-RETURN); the reports before it no longer count. {@code signature}, if present, is the account's over
 * the canonical entry without it (TR-SIGN). Immutable.
 */
public record TranscriptionReportEntry(
        String photo,
        String stationId,
        String sourceId,
        String account,
        ReportReason reason,
        String text,
        boolean returns,
        Optional<SheetSignature> signature)
        implements TranscriptionWork {
    public static final int MAX_TEXT = 500;

    /** An unsigned report. */
    public TranscriptionReportEntry(
            String photo,
            String stationId,
            String sourceId,
            String account,
            ReportReason reason,
            String text,
            boolean returns) {
        this(photo, stationId, sourceId, account, reason, text, returns, Optional.empty());
    }

    public TranscriptionReportEntry {
        if (!Blob.isSha256(photo)) throw new IllegalArgumentException("a photo is named by its SHA-256");
        if (stationId == null || sourceId == null || reason == null || text == null)
            throw new IllegalArgumentException("a report names its station, source and reason");
        if (account == null || account.isBlank()) throw new IllegalArgumentException("a report names its account");
        if (reason == ReportReason.OTHER && text.isBlank())
            throw new IllegalArgumentException("a report for another reason says which (text)");
        if (text.length() > MAX_TEXT)
            throw new IllegalArgumentException("a report's text is at most " + MAX_TEXT + " characters");
        if (signature.isPresent() && !signature.get().signer().equals(account))
            throw new IllegalArgumentException("work is signed by its own account");
    }

    /** This report signed by its account with {@code signature} (Ed25519, 64 bytes). */
    public TranscriptionReportEntry signed(byte[] signature) {
        return new TranscriptionReportEntry(
                photo,
                stationId,
                sourceId,
                account,
                reason,
                text,
                returns,
                Optional.of(new SheetSignature(account, signature)));
    }

    /** This report without its signature: what the signature covers. */
    public TranscriptionReportEntry unsigned() {
        return new TranscriptionReportEntry(photo, stationId, sourceId, account, reason, text, returns);
    }

    @Override
    public Optional<String> worker() {
        return Optional.of(account);
    }

    @Override
    public String kind() {
        return "transcription-report";
    }

    @Override
    public <R> R accept(Visitor<R> v) {
        return v.report(this);
    }
}
