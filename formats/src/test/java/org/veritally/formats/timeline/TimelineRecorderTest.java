package org.veritally.formats.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.Denominator;
import org.veritally.core.tabulate.View;

/** The reporting timeline of a tiny log, computed by hand (docs/timeline.md). */
class TimelineRecorderTest {
    /** Checkpoints at sizes 4 (t=1000), 6 (t=2000) and 9 (t=3000): the first covering a size gives its time. */
    static final LongFunction<OptionalLong> TIMES = size -> size == 0
            ? OptionalLong.empty()
            : size <= 4
                    ? OptionalLong.of(1000)
                    : size <= 6 ? OptionalLong.of(2000) : size <= 9 ? OptionalLong.of(3000) : OptionalLong.empty();

    /** Entries 0–3 the election, catalogue and two sources; 4–8 sheets, 7 a correction of 4. */
    static TimelineRecorder golden() {
        TinyLog l = TinyLog.started();
        l.add(TinyLog.sheet("S1", "auth", 10, 1, 6, 4)); // 4
        l.add(TinyLog.sheet("S3", "w", 20, 0, 5, 15)); // 5
        l.add(TinyLog.sheet("S3", "auth", 30, 2, 10, 20)); // 6
        l.add(TinyLog.correction("S1", "auth", 12, 1, 8, 4, 4)); // 7
        l.add(TinyLog.sheet("S2", "auth", 5, 0, 5, 0)); // 8
        TimelineRecorder r = new TimelineRecorder();
        for (byte[] e : l.entries()) assertThat(r.accept(e)).isEmpty();
        return r;
    }

    static Timeline.Point point(
            long size, long t, long stations, long reg, long ballots, long valid, long a, long b, long auth, long w) {
        return Timeline.Point.of(
                size,
                t < 0 ? OptionalLong.empty() : OptionalLong.of(t),
                stations,
                reg,
                ballots,
                valid,
                List.of(a, b),
                List.of(auth, w));
    }

    @Test
    void goldenTimelineOfTheNationMatchesTheHandComputation() {
        Timeline t = golden().timeline("N", "P", new View.Official(), TIMES);
        assertThat(t.logSize()).isEqualTo(9);
        assertThat(t.denominator()).isEqualTo(new Denominator(Denominator.Basis.CATALOGUE, 3, 220));
        assertThat(t.sources()).containsExactly("auth", "w");
        assertThat(t.points())
                .containsExactly(
                        point(0, -1, 0, 0, 0, 0, 0, 0, 0, 0),
                        point(1, 1000, 0, 0, 0, 0, 0, 0, 0, 0),
                        point(2, 1000, 0, 0, 0, 0, 0, 0, 0, 0),
                        point(3, 1000, 0, 0, 0, 0, 0, 0, 0, 0),
                        point(4, 1000, 0, 0, 0, 0, 0, 0, 0, 0),
                        point(5, 2000, 1, 100, 11, 10, 6, 4, 1, 0),
                        point(6, 2000, 1, 100, 11, 10, 6, 4, 1, 1),
                        point(7, 3000, 2, 170, 43, 40, 16, 24, 2, 1),
                        point(8, 3000, 2, 170, 45, 42, 18, 24, 3, 1),
                        point(9, 3000, 3, 220, 50, 47, 23, 24, 4, 1));
        assertThat(t.arrivals())
                .containsExactly(
                        new Timeline.Arrival(
                                "auth",
                                4,
                                OptionalLong.of(4),
                                OptionalLong.of(2000),
                                OptionalLong.of(8),
                                OptionalLong.of(3000)),
                        new Timeline.Arrival(
                                "w",
                                1,
                                OptionalLong.of(5),
                                OptionalLong.of(2000),
                                OptionalLong.of(5),
                                OptionalLong.of(2000)));
        assertThat(t.points().get(9).share(0)).isEqualTo(23.0 / 47);
    }

    @Test
    void goldenTimelineOfARegionCountsOnlyItsStations() {
        Timeline t = golden().timeline("R", "P", new View.Official(), TIMES);
        assertThat(t.points().get(9)).isEqualTo(point(9, 3000, 2, 150, 18, 17, 13, 4, 3, 0));
        assertThat(t.points().get(6)).isEqualTo(point(6, 2000, 1, 100, 11, 10, 6, 4, 1, 0));
        Timeline q = golden().timeline("Q", "P", View.parse("source:w"), TIMES);
        assertThat(q.view()).isEqualTo("source:w");
        assertThat(q.points().get(9)).isEqualTo(point(9, 3000, 1, 70, 20, 20, 5, 15, 1, 1));
    }

    /**
     * Entries 4–9: S1 agrees (5), S3 disputed (7), S3 settled by w's correction (8), S1 disputed again by the
     * authority's correction (9): the consensus view counts a station while its copies agree, and only then.
     */
    @Test
    void goldenConsensusTimelineCountsAStationWhileItsCopiesAgree() {
        TinyLog l = TinyLog.started();
        l.add(TinyLog.sheet("S1", "auth", 10, 1, 6, 4)); // 4
        l.add(TinyLog.sheet("S1", "w", 10, 1, 6, 4)); // 5: S1 agreed
        l.add(TinyLog.sheet("S3", "auth", 20, 0, 5, 15)); // 6
        l.add(TinyLog.sheet("S3", "w", 20, 0, 6, 14)); // 7: S3 disputed
        l.add(TinyLog.correction("S3", "w", 20, 0, 5, 15, 7)); // 8: S3 agreed
        l.add(TinyLog.correction("S1", "auth", 12, 1, 8, 4, 4)); // 9: S1 disputed
        TimelineRecorder r = new TimelineRecorder();
        for (byte[] e : l.entries()) assertThat(r.accept(e)).isEmpty();
        Timeline t = r.timeline("N", "P", new View.Consensus(), TIMES);
        assertThat(t.view()).isEqualTo("consensus");
        assertThat(t.points())
                .containsExactly(
                        point(0, -1, 0, 0, 0, 0, 0, 0, 0, 0),
                        point(1, 1000, 0, 0, 0, 0, 0, 0, 0, 0),
                        point(2, 1000, 0, 0, 0, 0, 0, 0, 0, 0),
                        point(3, 1000, 0, 0, 0, 0, 0, 0, 0, 0),
                        point(4, 1000, 0, 0, 0, 0, 0, 0, 0, 0),
                        point(5, 2000, 0, 0, 0, 0, 0, 0, 1, 0),
                        point(6, 2000, 1, 100, 11, 10, 6, 4, 1, 1),
                        point(7, 3000, 1, 100, 11, 10, 6, 4, 2, 1),
                        point(8, 3000, 1, 100, 11, 10, 6, 4, 2, 2),
                        point(9, 3000, 2, 170, 31, 30, 11, 19, 2, 3),
                        point(10, -1, 1, 70, 20, 20, 5, 15, 3, 3));
        assertThat(r.timeline("Q", "P", new View.Consensus(), TIMES).points().get(8))
                .as("S3 (in Q) is disputed at size 8")
                .isEqualTo(point(8, 3000, 0, 0, 0, 0, 0, 0, 1, 1));
    }

    @Test
    void unknownNamesAreRefusedAsPreconditions() {
        TimelineRecorder r = golden();
        assertThatThrownBy(() -> r.timeline("X", "P", new View.Official(), TIMES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.timeline("N", "X", new View.Official(), TIMES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimelineAskedBeforeTheLogGrewIsExtendedToTheNewSize() {
        TinyLog l = TinyLog.started();
        l.add(TinyLog.sheet("S1", "auth", 10, 1, 6, 4));
        TimelineRecorder r = new TimelineRecorder();
        for (byte[] e : l.entries()) r.accept(e);
        assertThat(r.timeline("N", "P", new View.Official(), TIMES).points()).hasSize(6);
        assertThat(r.accept(bytes(TinyLog.sheet("S2", "auth", 5, 0, 5, 0)))).isEmpty();
        Timeline t = r.timeline("N", "P", new View.Official(), TIMES);
        assertThat(t.points()).hasSize(7);
        assertThat(t.points().get(6)).isEqualTo(point(6, 2000, 2, 150, 16, 15, 11, 4, 2, 0));
    }

    static byte[] bytes(String json) {
        TinyLog one = new TinyLog();
        one.add(json);
        return one.entries().get(0);
    }
}
