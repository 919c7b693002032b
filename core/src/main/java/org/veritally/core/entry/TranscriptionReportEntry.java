package org.veritally.core.entry;

import org.veritally.core.evidence.Blob;
import org.veritally.core.transcribe.ReportReason;

/**
 * One account's report on a photo (docs/transcription.md#reports-on-photos): {@code photo} is the
 * original's SHA-256, filed as evidence for {@code stationId} by {@code sourceId}; {@code text} says more
 * (required for {@link ReportReason#OTHER}, at most 500 characters, else empty). Any account may report;
 * reports of the election's {@code reportThreshold} distinct accounts take an open photo out of the queue
 * (TR-REPORT). With {@code returns} it is a moderator's decision to return a reported photo to the queue
 * (TR-RETURN); the reports before it no longer count. Immutable.
 */
public record TranscriptionReportEntry(
        String photo,
        String stationId,
        String sourceId,
        String account,
        ReportReason reason,
        String text,
        boolean returns)
        implements TranscriptionWork {
    public static final int MAX_TEXT = 500;

    public TranscriptionReportEntry {
        if (!Blob.isSha256(photo)) throw new IllegalArgumentException("a photo is named by its SHA-256");
        if (stationId == null || sourceId == null || reason == null || text == null)
            throw new IllegalArgumentException("a report names its station, source and reason");
        if (account == null || account.isBlank()) throw new IllegalArgumentException("a report names its account");
        if (reason == ReportReason.OTHER && text.isBlank())
            throw new IllegalArgumentException("a report for another reason says which (text)");
        if (text.length() > MAX_TEXT)
            throw new IllegalArgumentException("a report's text is at most " + MAX_TEXT + " characters");
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
