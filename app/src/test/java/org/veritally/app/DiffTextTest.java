package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.server.asof.CheckpointDiff;
import org.veritally.server.asof.CheckpointDiff.ChoiceMove;
import org.veritally.server.asof.CheckpointDiff.SheetChange;
import org.veritally.server.asof.CheckpointDiff.StatusChange;
import org.veritally.server.asof.CheckpointDiff.TotalsMove;

/**
 * The text of {@code diff} marks the copies agreed by transcription as the JSON's {@code entry} does: golden
 * text for a diff holding a source's sheet, a transcribed copy and a transcribed correction.
 */
class DiffTextTest {
    private static CheckpointDiff diff() {
        var sheet = new SheetChange(7, "P1", "C1", "authority", "sheet", Optional.empty(), Optional.empty());
        var typed = new SheetChange(9, "P2", "C1", "observers", "transcription", Optional.empty(), Optional.empty());
        var fixed = new SheetChange(
                11, "P2", "C1", "observers", "transcription", Optional.of(9L), Optional.of("typo in C1-L2"));
        var moved = new TotalsMove(
                "R",
                "Republic",
                "C1",
                1,
                2,
                1_000,
                2_500,
                List.of(
                        new ChoiceMove("C1-L1", "Ana", 600, 1_400, 800),
                        new ChoiceMove("C1-L2", "Ben", 400, 1_100, 700)));
        return new CheckpointDiff(
                5,
                12,
                "source:observers",
                2,
                List.of(sheet, typed),
                1,
                List.of(fixed),
                1,
                List.of(new StatusChange("P2", "C1", "SINGLE", "DISPUTED")),
                0,
                List.of(),
                List.of(moved));
    }

    @Test
    void textMarksEveryCopyAgreedByTranscriptionAndOnlyThose() {
        assertThat(DiffText.render(diff())).isEqualTo("""
                        log size 5 -> 12 (view source:observers)
                        copies added 2 (2 listed, 1 of them by transcription); corrected 1
                          added #7 P1 C1 authority
                          added #9 P2 C1 observers [transcription]
                          corrected #11 P2 C1 observers [transcription] (supersedes #9): typo in C1-L2
                        station x contests newly disputed 1; settled 0
                          disputed P2 C1 (was SINGLE)
                        R Republic, contest C1: stations 1 -> 2, valid 1,000 -> 2,500
                          Ana                                   600 ->        1,400  (+800)
                          Ben                                   400 ->        1,100  (+700)
                        """);
    }

    @Test
    void textOfADiffWithoutTranscriptionsCarriesNoMark() {
        var d = diff();
        var plain = new CheckpointDiff(
                d.from(),
                d.to(),
                d.view(),
                1,
                d.added().subList(0, 1),
                0,
                List.of(),
                0,
                List.of(),
                0,
                List.of(),
                List.of());
        assertThat(DiffText.render(plain))
                .doesNotContain(DiffText.TRANSCRIBED)
                .contains("copies added 1 (1 listed, 0 of them by transcription); corrected 0");
    }
}
