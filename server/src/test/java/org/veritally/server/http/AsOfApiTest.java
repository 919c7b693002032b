package org.veritally.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.server.asof.AsOfFixture;

/** {@code ?at=N}, {@code /api/asof}, {@code /api/results/file} and {@code /api/diff} over real HTTP on loopback. */
class AsOfApiTest {
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void resultsAtASizeNameTheCheckpointAndDifferFromTheLatest() throws Exception {
        try (Instance in = AsOfFixture.grown(dir, 40, 9);
                ApiServer api = new ApiServer(in, WriteToken.load(dir), List.of()).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + api.port();
            long size = in.store().logSize();
            long n = size / 2;
            var r = get(base, "/api/results?view=consensus&at=" + n);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body())
                    .contains("\"asOf\":{\"size\":" + n, "\"latestSize\":" + size, "\"checkpoint\":{\"treeSize\":");
            assertThat(r.body())
                    .isNotEqualTo(get(base, "/api/results?view=consensus").body());
            assertThat(get(base, "/api/units/N?at=" + n).body()).contains("\"children\":", "\"stations\":");
            var file = get(base, "/api/results/file?view=consensus&contest=C1&at=" + n);
            assertThat(file.body()).startsWith("{\"contest\":\"C1\",\"logSize\":" + n + ",");
            var summary = get(base, "/api/discrepancies/summary?at=" + n);
            assertThat(summary.body()).contains("\"asOf\":{\"size\":" + n, "\"summary\":{\"agreed\":");
            var d = get(base, "/api/diff?from=" + n + "&to=" + size + "&limit=2");
            assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
            assertThat(d.body()).contains("\"fromAsOf\":", "\"toAsOf\":", "\"correctedCount\":");
        }
    }

    @Test
    void disputedStationsAnnouncementsStatisticsAndStationsAnswerAtASize() throws Exception {
        try (Instance in = AsOfFixture.announced(dir, 40, 9);
                ApiServer api = new ApiServer(
                                in, WriteToken.load(dir), List.of(new org.veritally.server.stats.StatsRoutes(in)))
                        .start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + api.port();
            long size = in.store().logSize();
            long n = size - 1; // before the late announcement
            String asOf = "\"asOf\":{\"size\":" + n;
            var d = get(base, "/api/discrepancies?at=" + n);
            assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
            assertThat(d.body()).contains(asOf, "\"report\":{\"summary\":", "\"stations\":[{");
            var a = get(base, "/api/announcements?at=" + n);
            assertThat(a.body()).contains(asOf, "\"id\":\"early\"").doesNotContain("\"id\":\"late\"");
            assertThat(get(base, "/api/announcements").body()).contains("\"id\":\"late\"");
            for (String q : List.of(
                    "/api/stats/forensics?view=consensus&at=",
                    "/api/stats/irreversible?view=consensus&at=",
                    "/api/stats/quickcount?seed=dice&size=10&view=consensus&at=")) {
                var r = get(base, q + n);
                assertThat(r.statusCode()).as(q + r.body()).isEqualTo(200);
                assertThat(r.body()).as(q).startsWith("{" + asOf);
            }
            var fp = get(base, "/api/stats/forensics/fingerprint.svg?view=consensus&at=" + n);
            assertThat(fp.body()).startsWith("<svg");
            var st = get(base, "/api/stations/P0?at=" + n);
            assertThat(st.body()).contains(asOf, "\"station\":{\"station\":{\"id\":\"P0\"");
            assertThat(get(base, "/api/stations/P0?at=3").body())
                    .as("no copy yet at size 3")
                    .contains("\"sheets\":[]");
            assertThat(get(base, "/api/stats/irreversible?at=0").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void rdAtIsA404ForASizeTheLogNeverHad() throws Exception {
        try (Instance in = AsOfFixture.grown(dir, 10, 9);
                ApiServer api = new ApiServer(in, WriteToken.load(dir), List.of()).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + api.port();
            for (String q : List.of("/api/results?at=0", "/api/results?at=x", "/api/diff?from=5&to=5", "/api/asof")) {
                var r = get(base, q);
                assertThat(r.statusCode()).as(q).isEqualTo(404);
                assertThat(r.body()).as(q).contains("RD-AT");
            }
        }
    }
}
