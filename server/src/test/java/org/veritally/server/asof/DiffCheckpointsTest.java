package org.veritally.server.asof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.validation.ReadRule;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import org.veritally.server.read.UsageProblem;

/** What changed between two checkpoints, against a golden answer for a small log. */
class DiffCheckpointsTest {
    @TempDir
    Path dir;

    static final String GOLDEN = "/asof/diff-small.json";

    @Test
    void diffOfASmallLogIsTheGoldenAnswer() throws IOException {
        try (Instance in = AsOfFixture.grown(dir, 6, 11)) {
            long size = in.store().logSize();
            var d = in.diff().diff(6, size, Optional.empty(), 3);
            String got = Json.pretty(d).strip();
            if (Boolean.getBoolean("veritally.golden.write")) {
                java.nio.file.Files.writeString(Path.of("src/test/resources" + GOLDEN), got + "\n");
            }
            assertThat(got).isEqualTo(golden());
            assertThat(d.corrected())
                    .extracting(CheckpointDiff.SheetChange::reason)
                    .containsExactly(
                            Optional.of("transcription error in the first row"),
                            Optional.of("recount ordered by the district board"));
            assertThat(d.addedCount() + d.correctedCount())
                    .as("every sheet entry of the range is a copy added or corrected")
                    .isEqualTo(size - 6);
        }
    }

    @Test
    void diffTotalsMoveByWhatTheTwoAsOfStatesSay() {
        try (Instance in = AsOfFixture.grown(dir, 20, 2)) {
            long size = in.store().logSize();
            long from = size / 2;
            var d = in.diff().diff(from, size, Optional.of("consensus"), 10);
            var root = d.moved().get(0);
            var before =
                    in.asOf().at(from).results().result(Optional.empty(), Optional.of(root.contest()), "consensus");
            var after = in.results().result(Optional.empty(), Optional.of(root.contest()), "consensus");
            assertThat(root.stationsBefore()).isEqualTo(before.stationsReporting());
            assertThat(root.stationsAfter()).isEqualTo(after.stationsReporting());
            for (int i = 0; i < root.choices().size(); i++)
                assertThat(root.choices().get(i).delta())
                        .isEqualTo(after.candidates().get(i).votes()
                                - before.candidates().get(i).votes());
            assertThat(d.added()).hasSizeLessThanOrEqualTo(10);
        }
    }

    @Test
    void rdAtRefusesADiffWhoseFromIsNotBelowTo() {
        try (Instance in = AsOfFixture.grown(dir, 6, 11)) {
            assertThatThrownBy(() -> in.diff().diff(9, 9, Optional.empty(), 10))
                    .isInstanceOfSatisfying(
                            UsageProblem.class, e -> assertThat(e.rule()).isEqualTo(ReadRule.RD_AT));
        }
    }

    private static String golden() throws IOException {
        try (InputStream s = DiffCheckpointsTest.class.getResourceAsStream(GOLDEN)) {
            return s == null
                    ? "(no golden file " + GOLDEN + ")"
                    : new String(s.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
