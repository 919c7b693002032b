package org.veritally.formats.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.formats.replay.TranscriptionLog.typed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.TranscriberPauseEntry;
import org.veritally.core.entry.TranscriptionFlagEntry;
import org.veritally.core.entry.TranscriptionReportEntry;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.TranscriptionPolicy;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.transcribe.FlagReason;
import org.veritally.core.transcribe.FoldedReports;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.core.transcribe.ReportReason;

/**
 * Reports on photos (TR-REPORT, TR-RETURN) and lifting a pause (TR-LIFT), as the one rulebook decides them
 * and a replay of the log derives them; every entry goes through its canonical bytes
 * (docs/transcription.md#reports-on-photos, #un-pause).
 */
class PhotoReportRulesTest {
    final TranscriptionLog log = new TranscriptionLog(6, Optional.empty());

    PhotoKey key(int photo) {
        TallySheet t = log.truth.get(photo);
        return new PhotoKey(t.evidence().get(), t.stationId(), t.sourceId());
    }

    PhotoStatus status(int photo) {
        return log.replay
                .transcriptions()
                .photo(key(photo))
                .map(w -> w.status())
                .orElse(PhotoStatus.OPEN);
    }

    TranscriptionReportEntry report(int photo, String account, ReportReason reason) {
        var k = key(photo);
        return new TranscriptionReportEntry(
                k.sha256(),
                k.stationId(),
                k.sourceId(),
                account,
                reason,
                reason == ReportReason.OTHER ? "blurred" : "",
                false);
    }

    TranscriptionReportEntry returns(int photo) {
        var k = key(photo);
        return new TranscriptionReportEntry(
                k.sha256(), k.stationId(), k.sourceId(), "mod-1", ReportReason.OTHER, "legible enough", true);
    }

    @Test
    void trReportThreeDistinctAccountsTakeAnOpenPhotoOutOfTheQueue() {
        log.append(report(0, "anyone-1", ReportReason.ILLEGIBLE));
        log.append(report(0, "anyone-2", ReportReason.ILLEGIBLE));
        assertThat(status(0)).isEqualTo(PhotoStatus.OPEN);
        var third = report(0, "anyone-3", ReportReason.WRONG_STATION);
        assertThat(log.rules(third)).containsExactly("TR-REPORT");
        log.append(third);
        assertThat(status(0)).isEqualTo(PhotoStatus.REPORTED);
        assertThat(log.rules(typed(log.truth.get(0), "vol-a")))
                .as("a reported photo takes no volunteer's work")
                .containsExactly("TR-CLOSED");
        var folded = FoldedReports.of(log.replay.transcriptions());
        assertThat(folded).hasSize(1);
        assertThat(folded.get(0).accounts()).isEqualTo(3);
        assertThat(folded.get(0).byReason())
                .containsEntry(ReportReason.ILLEGIBLE, 2)
                .containsEntry(ReportReason.WRONG_STATION, 1);
    }

    @Test
    void aSecondReportByTheSameAccountFoldsIntoItsFirstAsALogRepeat() {
        log.append(report(1, "anyone-1", ReportReason.DUPLICATE));
        long first = log.replay.size() - 1;
        assertThat(log.decide(report(1, "anyone-1", ReportReason.ILLEGIBLE))).isEqualTo(new Decision.Repeat(first));
        var problems = log.replay.accept(log.codec.encode(report(1, "anyone-1", ReportReason.DUPLICATE))).stream()
                .map(p -> p.rule().id())
                .toList();
        assertThat(problems).containsExactly("LOG-REPEAT");
        log.append(report(1, "anyone-2", ReportReason.DUPLICATE));
        assertThat(status(1)).as("two accounts, not three").isEqualTo(PhotoStatus.OPEN);
    }

    @Test
    void trReturnAModeratorReturnsAReportedPhotoAndTheEarlierReportsNoLongerCount() {
        for (int i = 1; i <= 3; i++) log.append(report(2, "anyone-" + i, ReportReason.ILLEGIBLE));
        assertThat(log.rules(returns(2))).containsExactly("TR-RETURN");
        log.append(returns(2));
        assertThat(status(2)).isEqualTo(PhotoStatus.OPEN);
        assertThat(log.replay.transcriptions().reports(key(2))).isEmpty();
        assertThat(log.rules(typed(log.truth.get(2), "vol-a"))).isEmpty();
        log.append(report(2, "anyone-1", ReportReason.ILLEGIBLE)); // counts again, once
        assertThat(status(2)).isEqualTo(PhotoStatus.OPEN);
    }

    @Test
    void trSettleAReturnOfAPhotoThatIsNotReported() {
        assertThat(log.rules(returns(3))).containsExactly("TR-SETTLE");
    }

    @Test
    void trRejectAModeratorRejectsAReportedPhoto() {
        for (int i = 1; i <= 3; i++) log.append(report(3, "anyone-" + i, ReportReason.NOT_A_TALLY_SHEET));
        var k = key(3);
        var reject = new TranscriptionFlagEntry(
                k.sha256(), k.stationId(), k.sourceId(), "mod-1", FlagReason.NOT_A_TALLY_SHEET, true);
        assertThat(log.rules(reject)).containsExactly("TR-REJECT");
        log.append(reject);
        assertThat(status(3)).isEqualTo(PhotoStatus.REJECTED);
    }

    @Test
    void trReportTheElectionSetsTheThreshold() {
        var one = new TranscriptionLog(2, Optional.of(new TranscriptionPolicy(2, 3, 1)));
        var k = one.truth.get(0);
        var r = new TranscriptionReportEntry(
                k.evidence().get(), k.stationId(), k.sourceId(), "anyone", ReportReason.ILLEGIBLE, "", false);
        assertThat(one.rules(r)).containsExactly("TR-REPORT");
    }

    @Test
    void aReportOnAnAgreedPhotoIsKeptAndChangesNothing() {
        log.append(typed(log.truth.get(4), "vol-a"));
        log.append(typed(log.truth.get(4), "vol-b"));
        for (int i = 1; i <= 3; i++) {
            var r = report(4, "anyone-" + i, ReportReason.WRONG_STATION);
            assertThat(log.rules(r)).isEmpty();
            log.append(r);
        }
        assertThat(status(4)).isEqualTo(PhotoStatus.AGREED);
    }

    @Test
    void trPhotoAndTrPausedForReports() {
        var r = new TranscriptionReportEntry(
                TranscriptionLog.photo(200),
                log.truth.get(0).stationId(),
                log.source,
                "anyone",
                ReportReason.ILLEGIBLE,
                "",
                false);
        assertThat(log.rules(r)).containsExactly("TR-PHOTO");
        log.append(new TranscriberPauseEntry("vol-x", "mod-1", "spam"));
        assertThat(log.rules(report(0, "vol-x", ReportReason.ILLEGIBLE))).containsExactly("TR-PAUSED");
        assertThat(log.rules(report(0, "uploader", ReportReason.ILLEGIBLE)))
                .as("the uploader may report its own photo")
                .isEmpty();
    }

    @Test
    void trLiftRefusedForAnAccountThatIsNotPaused() {
        assertThat(log.rules(new TranscriberPauseEntry("vol-a", "mod-1", "sorry", true)))
                .containsExactly("TR-LIFT");
    }

    @Test
    void trLiftAfterALiftNewWorkCountsAndWorkFromBeforeThePauseDoesNot() {
        log.append(typed(log.truth.get(5), "vol-a")); // before the pause: never counts again
        log.append(new TranscriberPauseEntry("vol-a", "server", "gold 1/5"));
        log.append(new TranscriberPauseEntry("vol-a", "mod-1", "a careful volunteer after all", true));
        assertThat(log.replay.transcriptions().paused("vol-a")).isFalse();
        log.append(typed(log.truth.get(5), "vol-b"));
        assertThat(status(5)).as("vol-a's earlier transcription does not count").isEqualTo(PhotoStatus.OPEN);
        log.append(typed(log.truth.get(0), "vol-a")); // after the lift: counts
        var second = typed(log.truth.get(0), "vol-c");
        assertThat(log.rules(second)).containsExactly("TR-AGREE");
        log.append(new TranscriberPauseEntry("vol-a", "mod-1", "again"));
        assertThat(log.rules(second))
                .as("a second pause discounts the work done since the lift")
                .isEmpty();
    }

    @Test
    void theReportAndLiftEncodingsArePinned() {
        var k = key(0);
        String r = new String(
                log.codec.encode(new TranscriptionReportEntry(
                        k.sha256(), k.stationId(), k.sourceId(), "anyone", ReportReason.OTHER, "blurred", false)),
                StandardCharsets.UTF_8);
        assertThat(r)
                .isEqualTo("{\"account\":\"anyone\",\"kind\":\"transcription-report\",\"photo\":\"" + k.sha256()
                        + "\",\"reason\":\"other\",\"source\":\"" + k.sourceId() + "\",\"station\":\""
                        + k.stationId() + "\",\"text\":\"blurred\",\"v\":1}");
        String lift = new String(
                log.codec.encode(new TranscriberPauseEntry("vol-a", "mod-1", "ok", true)), StandardCharsets.UTF_8);
        assertThat(lift)
                .isEqualTo("{\"account\":\"vol-a\",\"action\":\"lift\",\"by\":\"mod-1\",\"kind\":\"transcriber-pause\""
                        + ",\"reason\":\"ok\",\"v\":1}");
        List<org.veritally.core.validation.Problem> problems = new java.util.ArrayList<>();
        log.codec.decode(
                ("{\"account\":\"a\",\"kind\":\"transcription-report\",\"photo\":\"" + k.sha256()
                                + "\",\"reason\":\"other\",\"source\":\"s\",\"station\":\"x\",\"v\":1}")
                        .getBytes(StandardCharsets.UTF_8),
                "x",
                problems);
        assertThat(problems).as("another reason without a text").isNotEmpty();
    }
}
