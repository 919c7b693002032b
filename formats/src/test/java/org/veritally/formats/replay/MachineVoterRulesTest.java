package org.veritally.formats.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.evidence.MachineRead;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.TranscriptionPolicy;
import org.veritally.core.model.Unit;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.PhotoStatus;
import org.veritally.formats.csv.CvzlaCsv;
import org.veritally.formats.entry.EntryCodec;

/**
 * A photo's QR read as one voter (TR-MACHINE; docs/transcription.md#a-machine-read-as-a-voter): a Venezuelan
 * acta photographed with its QR code, filed as evidence with the read; where the election says so
 * ({@code transcription.machineVoter}), one transcription with the QR's figures agrees with it, as a replay
 * ({@code verify}) derives too; elsewhere the read counts for nothing.
 */
class MachineVoterRulesTest {
    static final String STATION = "110601011.04";
    static final String PHOTO = "7b".repeat(32);
    static final String PHOTO_ELSEWHERE = "7c".repeat(32);

    final List<String> kinds = new ArrayList<>();
    EntryCodec codec;
    final LogReplay replay = new LogReplay();

    /** Card 1 (NM) 10, card 14 (LM) 5, card 34 (EG) 20; part 3 and 4: 2 and 1 null votes. */
    static String payload(String station) {
        String[] cards = new String[38];
        java.util.Arrays.fill(cards, "0");
        cards[0] = "10";
        cards[13] = "5";
        cards[33] = "20";
        return station + ".1.0001!" + String.join(",", cards) + "!2!1";
    }

    static TallySheet figures(long eg, String photo) {
        long[] votes = {eg, 10, 5, 0, 0, 0, 0, 0, 0, 0};
        return new TallySheet(
                        STATION,
                        CvzlaCsv.CONTEST,
                        CvzlaCsv.DEFAULT_SOURCE,
                        new SummaryCounts(SummaryCounts.ABSENT, SummaryCounts.ABSENT, eg + 15, 3, SummaryCounts.ABSENT),
                        votes)
                .citing(photo);
    }

    MachineVoterRulesTest log(boolean machineVoter) {
        Election el = CvzlaCsv.election().withTranscription(new TranscriptionPolicy(2, 3, 3, machineVoter));
        codec = new EntryCodec(Optional.of(el));
        append(new ElectionEntry(el));
        append(new CatalogueEntry(
                List.of(
                        new Unit("VE", "Venezuela", 0, ""),
                        new Unit("11", "Estado", 1, "VE"),
                        new Unit("11.06", "Municipio", 2, "11"),
                        new Unit("11.06.01", "Parroquia", 3, "11.06"),
                        new Unit("110601011", "Centro", 4, "11.06.01")),
                List.of(
                        new Station(STATION, "Mesa 04", "110601011", 500),
                        new Station("110601011.05", "Mesa 05", "110601011", 500))));
        append(new SourceEntry(CvzlaCsv.defaultSource()));
        append(evidence(PHOTO, payload(STATION)));
        append(evidence(PHOTO_ELSEWHERE, payload("110601011.05"))); // the QR of another table
        return this;
    }

    static EvidenceEntry evidence(String sha, String payload) {
        return new EvidenceEntry(new Evidence(
                new Blob(sha, 1000, "image/jpeg"),
                Optional.empty(),
                STATION,
                Optional.of(CvzlaCsv.CONTEST),
                CvzlaCsv.DEFAULT_SOURCE,
                "uploader",
                Optional.empty(),
                OptionalLong.empty(),
                List.of(new MachineRead("ve-acta-qr", payload))));
    }

    void append(Entry e) {
        var problems = replay.accept(codec.encode(e));
        assertThat(problems).as("replaying " + e.kind()).isEmpty();
        kinds.add(e.kind());
    }

    List<String> rules(Entry e) {
        Decision d = new org.veritally.core.rulebook.Rulebook(
                        new org.veritally.formats.entry.NoteSignatureCheck(replay.election()),
                        new org.veritally.formats.qr.QrFigures())
                .decide(replay, replay.size(), e, "entry " + replay.size());
        var ps = d instanceof Decision.Refuse r
                ? r.problems()
                : d instanceof Decision.Accept a ? a.flags() : List.<org.veritally.core.validation.Problem>of();
        return ps.stream().map(p -> p.rule().id()).toList();
    }

    PhotoStatus status(String photo) {
        return replay.transcriptions()
                .photo(new PhotoKey(photo, STATION, CvzlaCsv.DEFAULT_SOURCE))
                .map(w -> w.status())
                .orElse(PhotoStatus.OPEN);
    }

    static TranscriptionEntry typed(TallySheet s, String account) {
        return new TranscriptionEntry(s, account, List.of(), false);
    }

    @Test
    void trMachineOneTranscriptionThatAgreesWithTheQrIsAnAgreementWhereTheElectionSaysSo() {
        log(true);
        var first = typed(figures(20, PHOTO), "vol-a");
        assertThat(rules(first)).contains("TR-MACHINE", "TR-AGREE");
        append(first);
        assertThat(status(PHOTO)).isEqualTo(PhotoStatus.AGREED);
        var el = replay.election().orElseThrow();
        assertThat(replay.current(
                        replay.catalogue().stationIndex(STATION),
                        el.contestIndex(CvzlaCsv.CONTEST),
                        replay.sourceIndex(CvzlaCsv.DEFAULT_SOURCE)))
                .as("the replay derives the copy")
                .hasValueSatisfying(c ->
                        assertThat(c.sheet().sameCountsAs(figures(20, PHOTO))).isTrue());
    }

    @Test
    void trMachineTheQrCountsAsOneVoterAmongTheMostWhenATranscriptionDiffers() {
        log(true);
        var wrong = typed(figures(21, PHOTO), "vol-a");
        assertThat(rules(wrong)).doesNotContain("TR-MACHINE", "TR-AGREE", "TR-ESCALATE");
        append(wrong);
        var right = typed(figures(20, PHOTO), "vol-b");
        assertThat(rules(right)).contains("TR-MACHINE", "TR-AGREE");
        var other = typed(figures(22, PHOTO), "vol-b");
        assertThat(rules(other))
                .as("vol-a, vol-b and the machine: three without two agreeing")
                .containsExactly("TR-ESCALATE");
    }

    @Test
    void theQrCountsForNothingWhereTheElectionDoesNotSaySo() {
        log(false);
        var first = typed(figures(20, PHOTO), "vol-a");
        assertThat(rules(first)).isEmpty();
        append(first);
        assertThat(status(PHOTO)).isEqualTo(PhotoStatus.OPEN);
    }

    @Test
    void aQrOfAnotherStationCountsForNothing() {
        log(true);
        assertThat(rules(typed(figures(20, PHOTO_ELSEWHERE), "vol-a"))).isEmpty();
    }

    @Test
    void machineVoterIsAnIntegerMemberOmittedWhenOff() {
        String on = new String(
                new EntryCodec(Optional.empty())
                        .encode(new ElectionEntry(
                                CvzlaCsv.election().withTranscription(new TranscriptionPolicy(2, 3, 3, true)))),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(on).contains("\"transcription\":{\"agree\":2,\"machineVoter\":1,\"most\":3}");
        String off = new String(
                new EntryCodec(Optional.empty()).encode(new ElectionEntry(CvzlaCsv.election())),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(off).doesNotContain("\"transcription\"");
    }
}
