package org.veritally.server.transcribe;

import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.entry.TranscriptionFlagEntry;
import org.veritally.core.entry.TranscriptionReportEntry;
import org.veritally.core.model.TallySheet;
import org.veritally.core.transcribe.FlagReason;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.ReportReason;

/**
 * The entries the campaign writes for a piece of work, built in one place so that the bytes a client signs
 * (the entry without its signature, docs/log-format.md §1.9: {@code POST /api/transcribe/message/…}, {@code
 * transcribe submit --key}) are exactly those the rulebook checks (TR-SIGN). A report's text is stripped; a
 * moderator's return without a text says "returned". Stateless.
 */
public final class WorkEntries {
    /** The text of a moderator's return that gave none. */
    static final String RETURNED = "returned";

    private WorkEntries() {}

    /** A volunteer's ({@code settles} false) or a moderator's transcription of the photo {@code typed} names. */
    public static TranscriptionEntry transcription(
            String account, TallySheet typed, List<String> confirmed, boolean settles, Optional<byte[]> signature) {
        var t = new TranscriptionEntry(typed, account, confirmed, settles);
        return signature.map(t::signed).orElse(t);
    }

    /** A volunteer's flag, or a moderator's rejection ({@code settles}). */
    public static TranscriptionFlagEntry flag(
            String account, PhotoKey key, FlagReason reason, boolean settles, Optional<byte[]> signature) {
        var f = new TranscriptionFlagEntry(key.sha256(), key.stationId(), key.sourceId(), account, reason, settles);
        return signature.map(f::signed).orElse(f);
    }

    /**
     * A report, or a moderator's return to the queue ({@code returns}: reason {@code other}, the text or
     * "returned").
     *
     * @throws IllegalArgumentException if the text breaks the report's shape (see {@link TranscriptionReportEntry})
     */
    public static TranscriptionReportEntry report(
            String account,
            PhotoKey key,
            ReportReason reason,
            String text,
            boolean returns,
            Optional<byte[]> signature) {
        String said = returns && text.isBlank() ? RETURNED : text.strip();
        var r = new TranscriptionReportEntry(
                key.sha256(),
                key.stationId(),
                key.sourceId(),
                account,
                returns ? ReportReason.OTHER : reason,
                said,
                returns);
        return signature.map(r::signed).orElse(r);
    }
}
