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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.timeline.Timeline;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.TimelineRoutes;
import org.veritally.server.http.WriteToken;

/**
 * The timeline read from a real data directory: its last point is what {@code results} shows, for every
 * unit asked; it follows the log as sheets are added; its times are the stored checkpoints'; unknown
 * names are refused with their rule; and {@code /api/timeline} answers JSON.
 */
class ReadTimelineTest {
    @TempDir
    Path dir;

    static void sameAsResults(Timeline t, UnitResult r) {
        Timeline.Point last = t.points().get(t.points().size() - 1);
        assertThat(last.stationsReporting()).as(t.unit()).isEqualTo(r.stationsReporting());
        assertThat(last.registeredVoters()).isEqualTo(r.registeredVoters());
        assertThat(last.ballotsCast()).isEqualTo(r.ballotsCast());
        assertThat(last.validVotes()).isEqualTo(r.validVotes());
        for (int i = 0; i < r.choices().size(); i++)
            assertThat(last.votes().get(i)).isEqualTo(r.choices().get(i).votes());
        assertThat(t.denominator()).isEqualTo(r.denominator());
    }

    @Test
    void theLastPointIsTheCurrentResultAndFollowsTheLog() {
        var g = new SyntheticElection(200, 2, 4, 2, 18);
        var d = g.definition();
        var sheets = Fixtures.sheets(g, d);
        try (Instance in = Fixtures.defined(dir, d)) {
            assertThat(Fixtures.submit(in, sheets.subList(0, 300)).rejected()).isEmpty();
            Timeline first = in.timeline().timeline(Optional.empty(), Optional.empty(), "official");
            sameAsResults(first, in.results().result(Optional.empty(), Optional.empty(), "official"));
            assertThat(first.logSize()).isEqualTo(in.state().logSize());
            assertThat(first.points().get(first.points().size() - 1).timeMs()).isPresent();
            for (int k = 300; k < sheets.size(); k += 100)
                assertThat(Fixtures.submit(in, sheets.subList(k, Math.min(sheets.size(), k + 100)))
                                .rejected())
                        .isEmpty();
            for (var u : List.of("N", "R0", "D0", "S1", "V3"))
                for (var c : d.election().contests())
                    for (var v :
                            List.of("official", "source:" + d.sources().get(1).id()))
                        sameAsResults(
                                in.timeline().timeline(Optional.of(u), Optional.of(c.id()), v),
                                in.results().result(Optional.of(u), Optional.of(c.id()), v));
            Timeline all = in.timeline().timeline(Optional.empty(), Optional.empty(), "official");
            assertThat(all.arrivals()).hasSize(2);
            assertThat(all.arrivals().get(0).sheets()).isPositive();
            assertThat(all.arrivals().get(0).firstTimeMs()).isPresent();
            long prev = -1;
            for (var p : all.points()) {
                assertThat(p.stationsReporting()).isGreaterThanOrEqualTo(prev);
                prev = p.stationsReporting();
            }
        }
    }

    @Test
    void unknownNamesAreRefusedWithTheirRule() {
        var g = new SyntheticElection(20, 1, 3, 1, 18);
        try (Instance in = Fixtures.defined(dir, g.definition())) {
            assertThatThrownBy(() -> in.timeline().timeline(Optional.of("nowhere"), Optional.empty(), "official"))
                    .isInstanceOfSatisfying(
                            UsageProblem.class, e -> assertThat(e.rule().id()).isEqualTo("RD-UNIT"));
            assertThatThrownBy(() -> in.timeline().timeline(Optional.empty(), Optional.of("X"), "official"))
                    .isInstanceOfSatisfying(
                            UsageProblem.class, e -> assertThat(e.rule().id()).isEqualTo("RD-CONTEST"));
            assertThatThrownBy(() -> in.timeline().timeline(Optional.empty(), Optional.empty(), "source:nobody"))
                    .isInstanceOfSatisfying(
                            UsageProblem.class, e -> assertThat(e.rule().id()).isEqualTo("RD-VIEW"));
        }
    }

    @Test
    void apiTimelineAnswersJsonAndProblemsOverHttp() throws Exception {
        var g = new SyntheticElection(50, 1, 3, 1, 18);
        var d = g.definition();
        try (Instance in = Fixtures.defined(dir, d)) {
            assertThat(Fixtures.submit(in, Fixtures.sheets(g, d)).rejected()).isEmpty();
            try (ApiServer api =
                    new ApiServer(in, WriteToken.load(dir), List.of(new TimelineRoutes(in))).start("127.0.0.1", 0)) {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + api.port();
                var r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/timeline?unit=N&view=official"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode j = new ObjectMapper().readTree(r.body());
                assertThat(j.get("unit").asText()).isEqualTo("N");
                assertThat(j.get("denominator").get("basis").asText()).isEqualTo("catalogue");
                JsonNode last = j.get("points").get(j.get("points").size() - 1);
                assertThat(last.get("stationsReporting").asLong()).isEqualTo(50);
                assertThat(last.get("shares")).hasSize(3);
                assertThat(j.get("arrivals").get(0).get("sheets").asLong()).isEqualTo(50);
                var bad = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/timeline?unit=nowhere"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(bad.statusCode()).isEqualTo(404);
                assertThat(bad.body()).contains("RD-UNIT");
            }
        }
    }
}
