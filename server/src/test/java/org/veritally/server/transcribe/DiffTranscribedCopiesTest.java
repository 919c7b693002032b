package org.veritally.server.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.asof.CheckpointDiff;
import org.veritally.server.http.Json;

/**
 * What changed between two checkpoints lists the copies agreed by transcription (docs/transcription.md) as
 * copies added by the photo's source, at the index of the transcription that completed the agreement; a
 * transcription that completed nothing is not a copy. Golden answer for a small log.
 */
class DiffTranscribedCopiesTest {
    @TempDir
    Path dir;

    static final String GOLDEN = "/asof/diff-transcribed.json";

    @Test
    void aDiffListsTheCopyAnAgreementMadeAsAddedByThePhotosSource() throws IOException {
        var gen = new SyntheticElection(3, 1, 4, 2, 18);
        var d = gen.definition();
        String source = d.sources().get(1).id();
        Photos photos = new Photos(gen, d, source);
        try (Instance in = Fixtures.defined(dir, d)) {
            var campaign = new TranscriptionCampaign(
                    in.state(), CampaignConfig.DEFAULT, new MutableClock(), in::submitEntry, Map.of());
            photos.file(in, "uploader", campaign);
            long from = in.store().logSize();
            Map<PhotoKey, TallySheet> truth = new HashMap<>();
            photos.truth.forEach(t -> truth.put(Photos.key(t), t));
            var first = campaign.next("vol-a").task().orElseThrow();
            assertThat(campaign.submit("vol-a", truth.get(first.photo()), List.of())
                            .problems())
                    .isEmpty();
            long firstIndex = in.store().logSize() - 1;
            var second = campaign.next("vol-b").task().orElseThrow();
            assertThat(second.photo()).isEqualTo(first.photo());
            assertThat(campaign.submit("vol-b", truth.get(second.photo()), List.of())
                            .problems())
                    .isEmpty();
            long to = in.store().logSize();

            var diff = in.diff().diff(from, to, Optional.of("source:" + source), 10);
            String got = Json.pretty(diff).strip();
            if (Boolean.getBoolean("veritally.golden.write"))
                java.nio.file.Files.writeString(Path.of("src/test/resources" + GOLDEN), got + "\n");
            assertThat(got).isEqualTo(golden());
            assertThat(diff.addedCount()).as("one agreement, one copy").isEqualTo(1);
            var added = diff.added().get(0);
            assertThat(added.entry()).isEqualTo("transcription");
            assertThat(added.source()).isEqualTo(source);
            assertThat(added.station()).isEqualTo(first.photo().stationId());
            assertThat(added.index()).as("the completing transcription").isEqualTo(to - 1);
            assertThat(diff.added())
                    .extracting(CheckpointDiff.SheetChange::index)
                    .doesNotContain(firstIndex);
            assertThat(diff.moved().get(0).stationsAfter()).isEqualTo(1);
        }
    }

    private static String golden() throws IOException {
        try (InputStream s = DiffTranscribedCopiesTest.class.getResourceAsStream(GOLDEN)) {
            return s == null
                    ? "(no golden file " + GOLDEN + ")"
                    : new String(s.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
