package org.veritally.formats.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.formats.replay.TranscriptionLog.typed;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.TranscriberPauseEntry;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.entry.TranscriptionFlagEntry;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.TranscriptionPolicy;
import org.veritally.core.transcribe.FlagReason;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoStatus;

/**
 * The TR rules and the agreed copy, as the one rulebook decides them and a replay of the log (what
 * {@code verify} runs) derives them: every entry goes through its canonical bytes (docs/transcription.md).
 */
class TranscriptionRulesTest {
    final TranscriptionLog log = new TranscriptionLog(6, Optional.empty());

    PhotoStatus status(int photo) {
        TallySheet t = log.truth.get(photo);
        return log.replay
                .transcriptions()
                .photo(new PhotoKey(t.evidence().get(), t.stationId(), t.sourceId()))
                .map(w -> w.status())
                .orElse(PhotoStatus.OPEN);
    }

    Optional<LogReplay.CurrentSheet> copy(int photo) {
        TallySheet t = log.truth.get(photo);
        var el = log.definition.election();
        return log.replay.current(
                log.replay.catalogue().stationIndex(t.stationId()),
                el.contestIndex(t.contestId()),
                log.replay.sourceIndex(t.sourceId()));
    }

    @Test
    void trAgreeTwoMatchingTranscriptionsGiveThePhotosSourceItsCopy() {
        log.append(typed(log.truth.get(0), "vol-a"));
        assertThat(copy(0)).isEmpty();
        var second = typed(log.truth.get(0), "vol-b");
        assertThat(log.rules(second)).containsExactly("TR-AGREE");
        log.append(second);
        assertThat(status(0)).isEqualTo(PhotoStatus.AGREED);
        assertThat(copy(0)).hasValueSatisfying(c -> {
            assertThat(c.index()).isEqualTo(log.replay.size() - 1);
            assertThat(c.sheet().sameCountsAs(log.truth.get(0))).isTrue();
        });
        log.replay.finish();
        var root = log.replay.tabulation().tally(0, log.replay.sourceIndex(log.source), 0);
        assertThat(root.stations())
                .as("the agreed copy counts in the source's totals")
                .isEqualTo(1);
        assertThat(root.valid()).isEqualTo(log.truth.get(0).counts().valid());
    }

    @Test
    void trEscalateWhenThreeDisagreeAndTrSettleByAModerator() {
        log.append(typed(log.typo(1, 1), "vol-a"));
        log.append(typed(log.typo(1, 2), "vol-b"));
        var third = typed(log.typo(1, 3), "vol-c");
        assertThat(log.rules(third)).containsExactly("TR-ESCALATE");
        log.append(third);
        assertThat(status(1)).isEqualTo(PhotoStatus.ESCALATED);
        assertThat(log.rules(typed(log.truth.get(1), "vol-d"))).containsExactly("TR-CLOSED");
        var settle = new TranscriptionEntry(log.truth.get(1), "mod-1", List.of(), true);
        assertThat(log.rules(settle)).containsExactly("TR-AGREE");
        log.append(settle);
        assertThat(status(1)).isEqualTo(PhotoStatus.SETTLED);
        assertThat(copy(1))
                .hasValueSatisfying(c ->
                        assertThat(c.sheet().sameCountsAs(log.truth.get(1))).isTrue());
    }

    @Test
    void trSettleRefusedOnAPhotoThatIsNotEscalated() {
        assertThat(log.rules(new TranscriptionEntry(log.truth.get(0), "mod-1", List.of(), true)))
                .containsExactly("TR-SETTLE");
    }

    @Test
    void trClosedForWorkOnAnAgreedPhoto() {
        log.append(typed(log.truth.get(0), "vol-a"));
        log.append(typed(log.truth.get(0), "vol-b"));
        assertThat(log.rules(typed(log.truth.get(0), "vol-c"))).containsExactly("TR-CLOSED");
        assertThat(log.rules(new TranscriptionFlagEntry(
                        TranscriptionLog.photo(0),
                        log.truth.get(0).stationId(),
                        log.source,
                        "vol-c",
                        FlagReason.ILLEGIBLE,
                        false)))
                .containsExactly("TR-CLOSED");
    }

    @Test
    void trTwiceForTheSameAccountOnTheSamePhoto() {
        log.append(typed(log.typo(0, 1), "vol-a"));
        assertThat(log.rules(typed(log.truth.get(0), "vol-a"))).containsExactly("TR-TWICE");
    }

    @Test
    void trOwnForTheAccountThatFiledThePhoto() {
        assertThat(log.rules(typed(log.truth.get(0), "uploader"))).containsExactly("TR-OWN");
    }

    @Test
    void trPhotoForAPhotoNotFiledForThatStationAndSource() {
        TallySheet t = log.truth.get(0);
        var elsewhere = new TallySheet(t.stationId(), t.contestId(), t.sourceId(), t.counts(), t.votes())
                .citing(TranscriptionLog.photo(200));
        assertThat(log.rules(typed(elsewhere, "vol-a"))).containsExactly("TR-PHOTO");
        var otherStation = new TallySheet(
                        log.truth.get(1).stationId(), t.contestId(), t.sourceId(), t.counts(), t.votes())
                .citing(t.evidence().get());
        assertThat(log.rules(typed(otherStation, "vol-a"))).contains("TR-PHOTO");
    }

    @Test
    void trConfirmAnAllZeroSheetNeedsTheTranscribersConfirmation() {
        TallySheet t = log.truth.get(2);
        var zero = new TallySheet(
                        t.stationId(),
                        t.contestId(),
                        t.sourceId(),
                        new SummaryCounts(SummaryCounts.ABSENT, 0, 0, 0, SummaryCounts.ABSENT),
                        new long[t.choiceCount()])
                .citing(t.evidence().get());
        assertThat(log.rules(typed(zero, "vol-a"))).containsExactly("TR-CONFIRM");
        assertThat(log.rules(typed(zero, "vol-a", "TS-FLAG-ZERO"))).containsExactly("TR-CONFIRMED");
        log.append(typed(zero, "vol-a", "TS-FLAG-ZERO"));
        assertThat(log.rules(typed(zero, "vol-b", "TS-FLAG-ZERO"))).containsExactly("TR-CONFIRMED", "TR-AGREE");
    }

    @Test
    void trConfirmedNonSummingFiguresThatAgreeEscalateRatherThanStandAsACopy() {
        TallySheet t = log.truth.get(3);
        long[] v = t.votes();
        v[1] += 5; // the sheet as written: the choices add up to 5 more than the valid votes
        var off = new TallySheet(t.stationId(), t.contestId(), t.sourceId(), t.counts(), v)
                .citing(t.evidence().get());
        assertThat(log.rules(typed(off, "vol-a"))).containsExactly("TR-CONFIRM");
        log.append(typed(off, "vol-a", "TS-SUM"));
        var second = typed(off, "vol-b", "TS-SUM");
        assertThat(log.rules(second)).containsExactly("TR-CONFIRMED", "TR-ESCALATE");
        log.append(second);
        assertThat(status(3)).isEqualTo(PhotoStatus.ESCALATED);
        assertThat(copy(3)).isEmpty();
    }

    @Test
    void trPausedAccountsTranscribeNothingAndTheirOpenWorkNoLongerCounts() {
        log.append(typed(log.truth.get(4), "vol-a"));
        log.append(new TranscriberPauseEntry("vol-a", "server", "gold agreement 40 % < 80 %"));
        assertThat(log.rules(typed(log.truth.get(5), "vol-a"))).containsExactly("TR-PAUSED");
        log.append(typed(log.truth.get(4), "vol-b")); // would agree with vol-a's, which no longer counts
        assertThat(status(4)).isEqualTo(PhotoStatus.OPEN);
        log.append(typed(log.truth.get(4), "vol-c"));
        assertThat(status(4)).isEqualTo(PhotoStatus.AGREED);
    }

    @Test
    void aSecondPauseOfAPausedAccountIsALogRepeat() {
        log.append(new TranscriberPauseEntry("vol-a", "mod-1", "typed a fixed lie"));
        List<String> problems = log
                .replay
                .accept(log.codec.encode(new TranscriberPauseEntry("vol-a", "mod-1", "typed a fixed lie")))
                .stream()
                .map(p -> p.rule().id())
                .toList();
        assertThat(problems).containsExactly("LOG-REPEAT");
    }

    @Test
    void trRejectTwoFlagsWithTheSameReasonAndTrEscalateForMixedWork() {
        String station = log.truth.get(0).stationId();
        String photo = TranscriptionLog.photo(0);
        log.append(new TranscriptionFlagEntry(photo, station, log.source, "vol-a", FlagReason.ILLEGIBLE, false));
        var second = new TranscriptionFlagEntry(photo, station, log.source, "vol-b", FlagReason.ILLEGIBLE, false);
        assertThat(log.rules(second)).containsExactly("TR-REJECT");
        log.append(second);
        assertThat(status(0)).isEqualTo(PhotoStatus.REJECTED);
        assertThat(copy(0)).isEmpty();

        String station1 = log.truth.get(1).stationId();
        log.append(new TranscriptionFlagEntry(
                TranscriptionLog.photo(1), station1, log.source, "vol-a", FlagReason.ILLEGIBLE, false));
        log.append(typed(log.truth.get(1), "vol-b"));
        var third = typed(log.typo(1, 1), "vol-c");
        assertThat(log.rules(third)).containsExactly("TR-ESCALATE");
    }

    @Test
    void theElectionSetsHowManyMustAgree() {
        var strict = new TranscriptionLog(2, Optional.of(new TranscriptionPolicy(3, 5)));
        strict.append(typed(strict.truth.get(0), "vol-a"));
        strict.append(typed(strict.truth.get(0), "vol-b"));
        assertThat(strict.rules(typed(strict.truth.get(0), "vol-c"))).containsExactly("TR-AGREE");
    }

    @Test
    void anAgreedCopyThatDiffersFromTheSourcesCurrentCopyEscalates() {
        log.append(new org.veritally.core.entry.SheetEntry(log.typo(5, 7)));
        log.append(typed(log.truth.get(5), "vol-a"));
        var second = typed(log.truth.get(5), "vol-b");
        assertThat(log.rules(second)).containsExactly("TR-ESCALATE");
    }
}
