package org.veritally.core.rulebook;

import java.util.List;
import java.util.Optional;
import org.veritally.core.entry.TranscriptionReportEntry;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoOutcome;
import org.veritally.core.transcribe.PhotoReport;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.core.transcribe.PhotoWork;
import org.veritally.core.transcribe.TranscriptionRule;
import org.veritally.core.validation.Problem;

/**
 * The {@link Rulebook}'s rules for reports on photos (docs/transcription.md#reports-on-photos, log-format
 * §5.9 step 7): TR-PHOTO (the photo is filed as named), TR-PAUSED (a paused account reports nothing); a
 * second report by the same account since the photo was last returned is a repeat (it folds into the
 * first: counted once per account); the report that brings the distinct accounts to the election's
 * {@code reportThreshold} takes an open photo out of the queue (TR-REPORT, status {@code reported}); a
 * moderator's report ({@code returns}) returns a reported photo to the queue (TR-RETURN), else TR-SETTLE.
 * A report on a photo that is not open is kept and changes nothing. Stateless.
 */
final class PhotoReports {
    private PhotoReports() {}

    static Decision decide(LedgerView ledger, TranscriptionReportEntry r, String where) {
        PhotoKey key = new PhotoKey(r.photo(), r.stationId(), r.sourceId());
        var filed = TranscriptionRules.photo(ledger, key, Optional.empty(), Optional.empty(), where);
        if (filed.isPresent()) return new Decision.Refuse(List.of(filed.get()));
        var book = ledger.transcriptions();
        PhotoStatus status = book.photo(key).map(PhotoWork::status).orElse(PhotoStatus.OPEN);
        if (r.returns()) {
            if (status != PhotoStatus.REPORTED)
                return new Decision.Refuse(List.of(Problem.mismatch(
                        TranscriptionRule.TR_SETTLE,
                        where,
                        "a moderator returns a reported photo to the queue",
                        PhotoStatus.REPORTED.wire(),
                        status.wire())));
            return outcome(
                    List.of(new Problem(
                            TranscriptionRule.TR_RETURN,
                            where,
                            "a moderator returned " + key + " to the queue: "
                                    + r.reason().wire() + (r.text().isEmpty() ? "" : " (" + r.text() + ")"))),
                    PhotoStatus.OPEN);
        }
        var paused = book.pausedAt(r.account());
        if (paused.isPresent())
            return new Decision.Refuse(List.of(new Problem(
                    TranscriptionRule.TR_PAUSED,
                    where + " account",
                    "account '" + r.account() + "' is paused (log index " + paused.getAsLong() + ")")));
        List<PhotoReport> before = book.reports(key);
        for (PhotoReport p : before) if (p.account().equals(r.account())) return new Decision.Repeat(p.index());
        int accounts = before.size() + 1; // one report per account since the last return
        int threshold = ledger.election().orElseThrow().transcription().reportThreshold();
        if (status == PhotoStatus.OPEN && accounts >= threshold)
            return outcome(
                    List.of(new Problem(
                            TranscriptionRule.TR_REPORT,
                            where,
                            accounts + " accounts reported " + key + ": out of the queue until a moderator decides")),
                    PhotoStatus.REPORTED);
        return outcome(List.of(), status);
    }

    private static Decision outcome(List<Problem> flags, PhotoStatus status) {
        return new Decision.Accept(flags, -1, -1, Optional.of(new PhotoOutcome(status, Optional.empty())));
    }
}
