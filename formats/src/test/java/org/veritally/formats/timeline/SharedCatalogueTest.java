package org.veritally.formats.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.core.tabulate.View;
import org.veritally.testkit.Seeds;

/**
 * A recorder whose replay shares the served catalogue's units and stations (to hold one copy of a million
 * stations, not two: docs/performance.md) draws the same timelines as one with its own catalogue, and holds the
 * very objects of the catalogue it shares.
 */
class SharedCatalogueTest {
    @Test
    void aRecorderSharingAnotherCatalogueDrawsTheSameTimelinesWithTheSameStationObjects() {
        long seed = Seeds.seed("timeline with a shared catalogue", 1819);
        List<byte[]> entries = TimelineAgainstNaiveReplayTest.randomLog(new SplittableRandom(seed), 300)
                .entries();
        TimelineRecorder own = new TimelineRecorder();
        for (byte[] e : entries) assertThat(own.accept(e)).isEmpty();
        var served = own.replay().catalogue();
        TimelineRecorder sharing = new TimelineRecorder(() -> served);
        for (byte[] e : entries) assertThat(sharing.accept(e)).isEmpty();
        var cat = sharing.replay().catalogue();
        assertThat(cat).isNotSameAs(served);
        assertThat(cat.stationCount()).isEqualTo(served.stationCount()).isPositive();
        for (int i = 0; i < cat.stationCount(); i++) assertThat(cat.station(i)).isSameAs(served.station(i));
        for (int i = 0; i < cat.unitCount(); i++) assertThat(cat.unit(i)).isSameAs(served.unit(i));
        for (String unit : List.of("N", "R", "X"))
            for (View v : List.of(new View.Official(), new View.Consensus()))
                assertThat(sharing.timeline(unit, "P", v, s -> OptionalLong.of(s)))
                        .isEqualTo(own.timeline(unit, "P", v, s -> OptionalLong.of(s)));
    }
}
