package org.veritally.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;

/** The statistics endpoints over real HTTP on loopback: JSON, SVG, and problems with rule IDs. */
class StatsRoutesTest {
    @TempDir
    Path dir;

    Instance in;
    ApiServer api;
    String base;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        var g = new SyntheticElection(300, 1, 3, 1, 8);
        var d = g.definition();
        in = Fixtures.defined(dir, d);
        assertThat(Fixtures.submit(in, Fixtures.sheets(g, d).subList(0, 290)).rejected())
                .isEmpty();
        api = new ApiServer(in, WriteToken.load(dir), List.of(new StatsRoutes(in))).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterEach
    void stop() {
        api.close();
        in.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(String path) throws Exception {
        var r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return json.readTree(r.body());
    }

    @Test
    void ST_ROUND_cneFirstBulletinIsFlaggedOverHttp() throws Exception {
        JsonNode r = ok("/api/stats/round-shares?counts=5150092,4445978,462704&labels=NM,EG,others");
        assertThat(r.get("rule").asText()).isEqualTo("ST-ROUND");
        assertThat(r.get("flagged").asBoolean()).isTrue();
        assertThat(r.get("probability").asDouble()).isBetween(5e-9, 2e-8);
        assertThat(r.get("shares").get(0).get("roundPercent").asText()).isEqualTo("51.2");
        assertThat(r.get("caveat").asText()).isNotBlank();
        assertThat(r.get("rules").get(0).get("citation").asText()).isNotBlank();
    }

    @Test
    void forensicsJsonAndFingerprintSvg() throws Exception {
        JsonNode f = ok("/api/stats/forensics?view=official&maxListed=3");
        assertThat(f.get("stations").asLong()).isEqualTo(290);
        assertThat(f.get("catalogueStations").asLong()).isEqualTo(300);
        assertThat(f.get("secondDigits").get(0).get("rule").asText()).isEqualTo("ST-2BL");
        assertThat(f.get("fingerprint").get("counts")).hasSize(100 * 100);
        assertThat(f.get("outliers")).hasSize(6).allSatisfy(o -> {
            assertThat(o.get("rule").asText()).startsWith("ST-OUT-");
            assertThat(o.get("listed").size()).isLessThanOrEqualTo(3);
            assertThat(o.get("caveat").asText()).isNotBlank();
        });
        var svg = get("/api/stats/forensics/fingerprint.svg?contest=C1");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("image/svg+xml"));
        assertThat(svg.body()).startsWith("<svg").endsWith("</svg>\n");
    }

    @Test
    void irreversibleQuickCountAndSampleSize() throws Exception {
        JsonNode irr = ok("/api/stats/irreversible");
        assertThat(irr.get("stationsReporting").asLong()).isEqualTo(290);
        assertThat(irr.get("irreversibility").get("remainingRegistered").asLong())
                .isEqualTo(irr.get("registeredTotal").asLong()
                        - irr.get("registeredReporting").asLong())
                .isPositive();
        assertThat(irr.get("majority").get("status").asText()).isIn("CERTAINLY_MET", "CERTAINLY_MISSED", "OPEN");
        JsonNode qc = ok("/api/stats/quickcount?seed=dice%2042&size=40&strata=region");
        assertThat(qc.get("sample")).hasSize(40);
        assertThat(qc.get("estimate").get("candidates")).hasSize(3);
        assertThat(qc.get("comparisons").get(0).get("view").asText()).isEqualTo("official");
        JsonNode n = ok("/api/stats/sample-size?population=14570774&share=0.5&margin=0.0032&z=2.58&stationSize=600");
        assertThat(n.get("voters").asLong()).isEqualTo(160_718);
        assertThat(n.get("stations").asLong()).isEqualTo(268);
    }

    @Test
    void badParametersAre400AndUnknownThings404() throws Exception {
        for (String path : List.of(
                "/api/stats/quickcount?size=10",
                "/api/stats/quickcount?seed=s&size=ten",
                "/api/stats/quickcount?seed=s&size=5000",
                "/api/stats/quickcount?seed=s&size=10&strata=planet",
                "/api/stats/round-shares?counts=1,x",
                "/api/stats/round-shares",
                "/api/stats/round-shares?counts=0,0",
                "/api/stats/sample-size?population=100&margin=2&z=1.96",
                "/api/stats/sample-size?population=100&margin=0.01",
                "/api/stats/forensics?seed=NaN")) {
            var r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).as(path).contains("\"ST-PARAM\"").doesNotContain("Exception");
        }
        var view = get("/api/stats/forensics?view=source:nobody");
        assertThat(view.statusCode()).isEqualTo(404);
        assertThat(view.body()).contains("RD-VIEW");
        assertThat(get("/api/stats/irreversible?contest=C7").body()).contains("RD-CONTEST");
        assertThat(get("/api/stats/forensics?view=consensus").body()).contains("ST-NODATA");
    }
}
