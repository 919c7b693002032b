package org.veritally.server.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.testkit.Await;
import org.veritally.testkit.Seeds;

/**
 * An agreed copy moves totals like any sheet, so the live feed ({@code /api/events}) must name the units it
 * changed; otherwise open pages would never refresh the figures a transcription put there.
 */
class AgreedCopyLiveEventTest {
    @TempDir
    Path dir;

    @Test
    void theCommitThatCompletesAnAgreementNamesTheUnitsWhoseTotalsMoved() {
        long seed = Seeds.seed("agreed copy live event", 18);
        var gen = new SyntheticElection(3, 1, 4, 2, seed);
        var d = gen.definition();
        Photos photos = new Photos(gen, d, d.sources().get(1).id());
        try (Instance in = Fixtures.defined(dir, d)) {
            var campaign = new TranscriptionCampaign(
                    in.state(), CampaignConfig.DEFAULT, new MutableClock(), in::submitEntry, Map.of());
            photos.file(in, "uploader", campaign);
            Map<PhotoKey, TallySheet> truth = new HashMap<>();
            photos.truth.forEach(t -> truth.put(Photos.key(t), t));
            var feed = in.live();

            var first = campaign.next("vol-a").task().orElseThrow();
            assertThat(campaign.submit("vol-a", truth.get(first.photo()), List.of())
                            .problems())
                    .isEmpty();
            long afterFirst = in.store().logSize();
            var second = campaign.next("vol-b").task().orElseThrow();
            assertThat(second.photo()).as("a photo with work first").isEqualTo(first.photo());
            assertThat(campaign.submit("vol-b", truth.get(second.photo()), List.of())
                            .problems())
                    .isEmpty();
            long afterSecond = in.store().logSize();

            Await.until(
                    "the live feed has the agreement's checkpoint",
                    () -> feed.latest().map(f -> f.event().size()).orElse(0L) == afterSecond);
            var event = feed.next(afterFirst).orElseThrow().event();
            String root = in.state().catalogue().units().stream()
                    .filter(u -> u.parentId() == null || u.parentId().isEmpty())
                    .map(Unit::id)
                    .findFirst()
                    .orElseThrow();
            assertThat(event.allUnits()).isFalse();
            assertThat(event.units()).as("units changed by the agreed copy").contains(root);
        }
    }
}
