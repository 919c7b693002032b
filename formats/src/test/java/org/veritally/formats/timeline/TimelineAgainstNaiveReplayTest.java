package org.veritally.formats.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.core.tabulate.Tally;
import org.veritally.core.tabulate.View;
import org.veritally.formats.replay.LogReplay;
import org.veritally.testkit.Seeds;

/**
 * The timeline on seeded random logs (sheets, corrections, a catalogue entry half-way) against a naive
 * reference: a fresh {@link LogReplay} of each sampled prefix, whose tabulation gives that size's totals.
 * Also: stations reporting never decrease, the last point is the current result, and a timeline extended
 * piece by piece as the log grows equals one computed at once.
 */
class TimelineAgainstNaiveReplayTest {
    private static final List<String> STATIONS = List.of("S1", "S2", "S3");

    /** A random log of {@code sheets} sheet entries after the preamble; a unit X with station S4 half-way. */
    static TinyLog randomLog(SplittableRandom r, int sheets) {
        TinyLog l = TinyLog.started();
        Map<String, Long> current = new HashMap<>();
        List<String> stations = new java.util.ArrayList<>(STATIONS);
        for (int i = 0; i < sheets; i++) {
            if (i == sheets / 2) {
                l.add(TinyLog.moreCatalogue("X", "N", "S4", 90));
                stations.add("S4");
            }
            String st = stations.get(r.nextInt(stations.size()));
            String src = r.nextBoolean() ? "auth" : "w";
            long a = r.nextInt(24), b = r.nextInt(24), nulls = r.nextInt(3); // at most 50, S2's registered voters
            Long prev = current.get(st + "/" + src);
            long idx = prev == null
                    ? l.add(TinyLog.sheet(st, src, a + b, nulls, a, b))
                    : l.add(TinyLog.correction(st, src, a + b, nulls, a, b, prev));
            current.put(st + "/" + src, idx);
        }
        return l;
    }

    static Tally naive(List<byte[]> entries, long size, String unit, String source) {
        LogReplay ref = new LogReplay();
        for (int i = 0; i < size; i++) assertThat(ref.accept(entries.get(i))).isEmpty();
        ref.finish();
        if (ref.election().isEmpty()) return new Tally(2);
        int u = ref.catalogue().unitIndex(unit);
        int s = ref.tabulation().sourceIndex(source);
        return u < 0 || s < 0 ? new Tally(2) : ref.tabulation().tally(0, s, u);
    }

    static long naiveSheets(List<byte[]> entries, long size, String source) {
        long n = 0;
        for (int i = 0; i < size; i++) {
            String json = new String(entries.get(i), java.nio.charset.StandardCharsets.UTF_8);
            if (json.contains("\"kind\":\"sheet\"") && json.contains("\"source\":\"" + source + "\"")) n++;
        }
        return n;
    }

    @Test
    void everySampledPointEqualsANaiveReplayOfThatPrefix() {
        long seed = Seeds.seed("timeline vs naive replay", 18);
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 4; round++) {
            int sheets = 20 + r.nextInt(600); // past 256 entries the sampling width doubles
            List<byte[]> entries = randomLog(r, sheets).entries();
            TimelineRecorder rec = new TimelineRecorder();
            for (byte[] e : entries) assertThat(rec.accept(e)).isEmpty();
            for (String source : List.of("auth", "w")) {
                Timeline t = rec.timeline("N", "P", View.parse("source:" + source), s -> OptionalLong.empty());
                assertThat(t.points().size()).isLessThanOrEqualTo(TimelineRecorder.MAX_POINTS + 2);
                long before = -1;
                for (Timeline.Point p : t.points()) {
                    assertThat(p.stationsReporting()).as("monotonic").isGreaterThanOrEqualTo(before);
                    before = p.stationsReporting();
                }
                for (int k = 0; k < 12; k++) {
                    Timeline.Point p = t.points().get(r.nextInt(t.points().size()));
                    Tally ref = naive(entries, p.logSize(), "N", source);
                    assertThat(p.stationsReporting()).as("size %d", p.logSize()).isEqualTo(ref.stations());
                    assertThat(p.registeredVoters()).isEqualTo(ref.registered());
                    assertThat(p.ballotsCast()).isEqualTo(ref.ballots());
                    assertThat(p.validVotes()).isEqualTo(ref.valid());
                    assertThat(p.votes()).containsExactly(ref.votes()[0], ref.votes()[1]);
                    int si = source.equals("auth") ? 0 : 1;
                    assertThat(p.sheetsBySource().get(si)).isEqualTo(naiveSheets(entries, p.logSize(), source));
                }
                Timeline.Point last = t.points().get(t.points().size() - 1);
                assertThat(last.logSize()).isEqualTo(entries.size());
                Tally now = naive(entries, entries.size(), "N", source);
                assertThat(last.votes()).containsExactly(now.votes()[0], now.votes()[1]);
                assertThat(last.stationsReporting()).isEqualTo(now.stations());
            }
        }
    }

    @Test
    void aTimelineExtendedAsTheLogGrowsEqualsOneComputedAtOnce() {
        long seed = Seeds.seed("timeline extended piece by piece", 1818);
        SplittableRandom r = new SplittableRandom(seed);
        List<byte[]> entries = randomLog(r, 900).entries();
        TimelineRecorder growing = new TimelineRecorder();
        for (byte[] e : entries) {
            assertThat(growing.accept(e)).isEmpty();
            if (growing.size() > 4 && r.nextInt(40) == 0) {
                growing.timeline("N", "P", new View.Official(), s -> OptionalLong.empty());
                growing.timeline("R", "P", new View.Official(), s -> OptionalLong.empty());
            }
        }
        TimelineRecorder once = new TimelineRecorder();
        for (byte[] e : entries) once.accept(e);
        for (String unit : List.of("N", "R", "X"))
            assertThat(growing.timeline(unit, "P", new View.Official(), s -> OptionalLong.of(s)))
                    .isEqualTo(once.timeline(unit, "P", new View.Official(), s -> OptionalLong.of(s)));
        Tally x = naive(entries, entries.size(), "X", "auth");
        var lastX = once.timeline("X", "P", new View.Official(), s -> OptionalLong.empty())
                .points();
        assertThat(lastX.get(lastX.size() - 1).stationsReporting()).isEqualTo(x.stations());
    }
}
