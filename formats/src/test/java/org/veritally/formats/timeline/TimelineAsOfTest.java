package org.veritally.formats.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.core.tabulate.View;
import org.veritally.testkit.Seeds;

/**
 * The timeline as of a log size N (issue 18: every results view as of N) against a reference: a recorder fed
 * only the first N entries (a truncated rebuild), for seeded random N and every unit and view; also below the
 * last catalogue entry, where it must be refused (the catalogue was different then).
 */
class TimelineAsOfTest {
    private static final List<View> VIEWS =
            List.of(new View.Official(), new View.Consensus(), View.parse("source:w"), View.parse("source:auth"));

    @Test
    void aTimelineAsOfNEqualsTheTimelineOfARebuildTruncatedAtN() {
        long seed = Seeds.seed("timeline as of N vs truncated rebuild", 1815);
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 3; round++) {
            List<byte[]> entries = TimelineAgainstNaiveReplayTest.randomLog(r, 100 + r.nextInt(700))
                    .entries();
            TimelineRecorder full = new TimelineRecorder();
            for (byte[] e : entries) assertThat(full.accept(e)).isEmpty();
            assertThat(full.shapeSize()).as("the catalogue entry half-way").isGreaterThan(1);
            for (int k = 0; k < 6; k++) {
                long n = full.shapeSize() + r.nextLong(entries.size() - full.shapeSize() + 1);
                TimelineRecorder truncated = new TimelineRecorder();
                for (byte[] e : entries.subList(0, (int) n))
                    assertThat(truncated.accept(e)).isEmpty();
                for (String unit : List.of("N", "R", "X"))
                    for (View v : VIEWS) {
                        var asOf = full.timelineAt(unit, "P", v, n, s -> OptionalLong.of(1000 + s));
                        assertThat(asOf)
                                .as("unit %s, view %s, as of %d of %d", unit, v.wire(), n, entries.size())
                                .isEqualTo(truncated.timeline(unit, "P", v, s -> OptionalLong.of(1000 + s)));
                        assertThat(asOf.logSize()).isEqualTo(n);
                        assertThat(asOf.points().get(asOf.points().size() - 1).logSize())
                                .isEqualTo(n);
                    }
            }
            // asked again (kept), and the live timeline is unchanged by the as-of requests
            TimelineRecorder fresh = new TimelineRecorder();
            for (byte[] e : entries) fresh.accept(e);
            assertThat(full.timeline("N", "P", new View.Official(), s -> OptionalLong.empty()))
                    .isEqualTo(fresh.timeline("N", "P", new View.Official(), s -> OptionalLong.empty()));
        }
    }

    @Test
    void aTimelineAsOfASizeBeforeTheCatalogueLastChangedIsRefused() {
        long seed = Seeds.seed("timeline as of N before the catalogue changed", 1816);
        List<byte[]> entries = TimelineAgainstNaiveReplayTest.randomLog(new SplittableRandom(seed), 60)
                .entries();
        TimelineRecorder full = new TimelineRecorder();
        for (byte[] e : entries) full.accept(e);
        long below = full.shapeSize() - 1;
        assertThatThrownBy(() -> full.timelineAt("N", "P", new View.Official(), below, s -> OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("as of " + below);
        assertThatThrownBy(() ->
                        full.timelineAt("N", "P", new View.Official(), entries.size() + 1, s -> OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
