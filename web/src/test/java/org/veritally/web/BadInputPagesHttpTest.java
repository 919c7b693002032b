package org.veritally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.validation.Bounds;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;

/**
 * Issue 16 over real HTTP on loopback: an announcement's figures cannot take the pages down (IN-MAX at
 * intake, exact arithmetic on the pages), and a Range header beyond a long is a 416, not a 500.
 */
class BadInputPagesHttpTest {
    @TempDir
    static Path dir;

    static Instance in;
    static ApiServer server;
    static String token;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        in = Instance.open(dir);
        SampleElection.load(in);
        var stats = new org.veritally.server.stats.StatsRoutes(in);
        server = new ApiServer(in, WriteToken.load(dir), List.of(stats, new WebSite(in))).start("127.0.0.1", 0);
        token = Files.readString(dir.resolve(WriteToken.FILE)).strip();
    }

    @AfterAll
    static void stop() {
        server.close();
        in.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> announce(String id, long figure) throws Exception {
        String body = "{\"id\":\"" + id
                + "\",\"title\":\"Big\",\"time\":\"2024-07-29T00:06:00-04:00\",\"contest\":\"C1\","
                + "\"candidates\":{\"C1-K1\":" + figure + ",\"C1-K2\":" + figure + "},\"others\":" + (figure - 1)
                + "}";
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/announcements"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static void pagesStayUp() throws Exception {
        for (String page : List.of("/en/announcements", "/en/statistics", "/en/", "/api/announcements"))
            assertThat(get(page).statusCode()).as(page).isEqualTo(200);
    }

    @Test
    void inMaxAnAnnouncementWithFiguresOfTwoToTheFiftyThreeMinusOneIsRefusedAndThePagesStayUp() throws Exception {
        long size = in.store().logSize();
        var r = announce("huge", 9_007_199_254_740_991L);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("\"rule\":\"IN-MAX\"", "candidates.C1-K1", "not 9007199254740991");
        assertThat(in.store().logSize()).isEqualTo(size);
        pagesStayUp();
    }

    @Test
    void inMaxAnAnnouncementAtTheMaximumIsAcceptedAndThePagesStayUp() throws Exception {
        var r = announce("largest", Bounds.MAX_COUNT);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        pagesStayUp();
        assertThat(get("/en/announcements").body()).contains("Big");
    }

    @Test
    void aRangeBeyondALongIsUnsatisfiableNotAServerError() throws Exception {
        assertThat(get("/downloads/veritally.db", "Range", "bytes=18446744073709551616-")
                        .statusCode())
                .isEqualTo(416);
        assertThat(get("/downloads/veritally.db", "Range", "bytes=0-18446744073709551616")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/downloads/veritally.db", "Range", "bytes=-18446744073709551616")
                        .statusCode())
                .isEqualTo(200);
    }
}
