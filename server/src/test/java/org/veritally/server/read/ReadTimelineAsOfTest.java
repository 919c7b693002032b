package org.veritally.server.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.timeline.Timeline;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.Json;
import org.veritally.server.http.TimelineRoutes;
import org.veritally.server.http.WriteToken;
import org.veritally.store.LogRow;
import org.veritally.store.Store;
import org.veritally.testkit.Seeds;

/**
 * The reporting timeline as of log size N (issue 18) equals the timeline of a truncated rebuild: a fresh
 * database holding only the log's first N entries, read by a fresh {@link ReadTimeline}; for seeded random N,
 * including sizes inside the election's definition (replayed apart). Times are the live log's checkpoints in
 * both, so they are compared apart: every as-of point's time is the live timeline's time of that size. Over
 * HTTP, {@code ?at=N} answers {@code {asOf, timeline}}, and a size the log never had is RD-AT.
 */
class ReadTimelineAsOfTest {
    @TempDir
    Path dir;

    /** A database holding the first {@code n} entries of {@code log} (no checkpoints); the caller closes it. */
    static Store prefix(Store log, long n, Path file) {
        Store target = Store.openSqlite(file);
        target.write(tx -> {
            for (long from = 0; from < n; ) {
                List<LogRow> rows = log.readLog(from, (int) Math.min(10_000, n - from));
                for (LogRow r : rows) tx.appendEntry(r.idx(), r.kind(), r.body(), r.leafHash(), "", 0);
                from += rows.size();
            }
            return null;
        });
        return target;
    }

    /** The timeline without its wall-clock times, which come from the checkpoints (none in a prefix database). */
    static String untimed(Timeline t) {
        List<Timeline.Point> points = new ArrayList<>();
        for (var p : t.points())
            points.add(new Timeline.Point(
                    p.logSize(),
                    OptionalLong.empty(),
                    p.stationsReporting(),
                    p.registeredVoters(),
                    p.ballotsCast(),
                    p.validVotes(),
                    p.votes(),
                    p.shares(),
                    p.sheetsBySource()));
        List<Timeline.Arrival> arrivals = new ArrayList<>();
        for (var a : t.arrivals())
            arrivals.add(new Timeline.Arrival(
                    a.source(), a.sheets(), a.firstIndex(), OptionalLong.empty(), a.lastIndex(), OptionalLong.empty()));
        return Json.pretty(new Timeline(
                t.unit(),
                t.unitName(),
                t.contest(),
                t.view(),
                t.denominator(),
                t.choices(),
                t.sources(),
                points,
                arrivals,
                t.logSize()));
    }

    @Test
    void aTimelineAsOfRandomSizesEqualsTheTimelineOfATruncatedRebuild() {
        long seed = Seeds.seed("timeline as of N vs truncated rebuild (server)", 1817);
        SplittableRandom r = new SplittableRandom(seed);
        var g = new SyntheticElection(120, 2, 3, 2, 18);
        var d = g.definition();
        var sheets = Fixtures.sheets(g, d);
        try (Instance in = Fixtures.defined(dir.resolve("live"), d)) {
            long defined = in.store().logSize();
            for (int k = 0; k < sheets.size(); k += 40)
                assertThat(Fixtures.submit(in, sheets.subList(k, Math.min(sheets.size(), k + 40)))
                                .rejected())
                        .isEmpty();
            long size = in.store().logSize();
            List<Long> sizes = new ArrayList<>(List.of(1L, defined - 1, defined, size));
            for (int i = 0; i < 5; i++) sizes.add(defined + r.nextLong(size - defined));
            List<String> views = List.of(
                    "official", "consensus", "source:" + d.sources().get(1).id());
            Timeline live = in.timeline().timeline(Optional.empty(), Optional.empty(), "official");
            for (long n : sizes)
                try (Store p = prefix(in.store(), n, dir.resolve("prefix-" + n + ".db"))) {
                    ReadTimeline reference = new ReadTimeline(in.state(), p);
                    for (String unit : List.of("N", "D0", "S1"))
                        for (String view : views) {
                            var u = Optional.of(unit);
                            var c = Optional.of(d.election().contests().get(1).id());
                            String expected;
                            try {
                                expected = untimed(reference.timeline(u, c, view));
                            } catch (RuntimeException beforeTheSources) { // a size inside the definition
                                assertThat(n).isLessThan(defined);
                                assertThatThrownBy(() -> in.timeline().timeline(u, c, view, OptionalLong.of(n)))
                                        .isInstanceOf(UsageProblem.class);
                                continue;
                            }
                            Timeline asOf = in.timeline().timeline(u, c, view, OptionalLong.of(n));
                            assertThat(untimed(asOf))
                                    .as("unit %s, view %s, as of %d of %d", unit, view, n, size)
                                    .isEqualTo(expected);
                            assertThat(asOf.logSize()).isEqualTo(n);
                        }
                    if (n < defined) continue;
                    Timeline root =
                            in.timeline().timeline(Optional.empty(), Optional.empty(), "official", OptionalLong.of(n));
                    for (var point : root.points())
                        assertThat(point.timeMs())
                                .as("the time of size %d", point.logSize())
                                .isEqualTo(live.points().stream()
                                        .filter(q -> q.logSize() == point.logSize())
                                        .findFirst()
                                        .map(Timeline.Point::timeMs)
                                        .orElse(point.timeMs()));
                }
        }
    }

    @Test
    void aSizeTheLogNeverHadIsRefusedWithRdAt() {
        var g = new SyntheticElection(20, 1, 3, 1, 18);
        try (Instance in = Fixtures.defined(dir, g.definition())) {
            long size = in.store().logSize();
            for (long n : new long[] {0, size + 1})
                assertThatThrownBy(() -> in.timeline()
                                .timeline(Optional.empty(), Optional.empty(), "official", OptionalLong.of(n)))
                        .isInstanceOfSatisfying(
                                UsageProblem.class,
                                e -> assertThat(e.rule().id()).isEqualTo("RD-AT"));
        }
    }

    @Test
    void apiTimelineAtNAnswersTheTimelineWithTheTreeItRestsOn() throws Exception {
        var g = new SyntheticElection(50, 1, 3, 1, 18);
        var d = g.definition();
        try (Instance in = Fixtures.defined(dir, d)) {
            var sheets = Fixtures.sheets(g, d);
            assertThat(Fixtures.submit(in, sheets.subList(0, 20)).rejected()).isEmpty();
            long n = in.store().logSize();
            assertThat(Fixtures.submit(in, sheets.subList(20, sheets.size())).rejected())
                    .isEmpty();
            try (ApiServer api =
                    new ApiServer(in, WriteToken.load(dir), List.of(new TimelineRoutes(in))).start("127.0.0.1", 0)) {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + api.port();
                var r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/timeline?unit=N&view=official&at=" + n))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode j = new ObjectMapper().readTree(r.body());
                assertThat(j.get("asOf").get("size").asLong()).isEqualTo(n);
                assertThat(j.get("asOf").get("latestSize").asLong())
                        .isEqualTo(in.store().logSize());
                assertThat(j.get("asOf").get("root").asText())
                        .isEqualTo(TreeAsOf.of(in.store(), n).rootHex())
                        .hasSize(64);
                JsonNode t = j.get("timeline");
                assertThat(t.get("logSize").asLong()).isEqualTo(n);
                JsonNode last = t.get("points").get(t.get("points").size() - 1);
                assertThat(last.get("logSize").asLong()).isEqualTo(n);
                assertThat(last.get("stationsReporting").asLong()).isEqualTo(20);
                var bad = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/timeline?at=0"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(bad.statusCode()).isEqualTo(404);
                assertThat(bad.body()).contains("RD-AT");
            }
        }
    }
}
