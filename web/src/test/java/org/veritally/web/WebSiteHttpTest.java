package org.veritally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;

/** The site over real HTTP on loopback, wired into the API server exactly as the app wires it. */
class WebSiteHttpTest {
    @TempDir
    static Path dir;

    static Instance in;
    static ApiServer server;
    static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        in = Instance.open(dir);
        SampleElection.load(in);
        var log = new org.veritally.server.log.LogRoutes(
                in.store(), in.keys(), org.veritally.server.log.Witnesses.load(dir));
        var stats = new org.veritally.server.stats.StatsRoutes(in);
        server = new ApiServer(in, WriteToken.load(dir), List.of(log, stats, new WebSite(in))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        in.close();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String body(HttpResponse<byte[]> r) throws IOException {
        boolean gz = r.headers()
                .firstValue("Content-Encoding")
                .filter("gzip"::equals)
                .isPresent();
        byte[] b = gz ? new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes() : r.body();
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void rootRedirectsToTheReadersLanguage() throws Exception {
        var r = get("/", "Accept-Language", "pt-BR,pt;q=0.9");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).contains("/pt/");
    }

    @Test
    void pagesAreHtmlCachedBrieflyAndCompressed() throws Exception {
        var r = get("/es/", "Accept-Encoding", "gzip");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.headers().firstValue("Cache-Control")).contains(WebSite.PAGE_CACHE);
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        String html = body(r);
        assertThat(html).contains("<html lang=\"es\">");
        int cssBytes = cssOf(html).length;
        System.out.printf(
                "overview: %,d bytes HTML, %,d bytes gzip; stylesheet %,d bytes%n",
                html.length(), r.body().length, cssBytes);
        assertThat(r.body().length + cssBytes)
                .as("first view of the overview, compressed (plus raw CSS)")
                .isLessThan(100_000);
    }

    private byte[] cssOf(String html) throws Exception {
        int i = html.indexOf("/static/site.");
        String path = html.substring(i, html.indexOf('"', i));
        var r = get(path);
        assertThat(r.headers().firstValue("Cache-Control")).contains(WebSite.ASSET_CACHE);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
        return r.body();
    }

    @Test
    void everyPageKindAnswers() throws Exception {
        for (String p : List.of(
                "/en/",
                "/en",
                "/id/unit/N?contest=C2&view=source:party-a",
                "/pt/station/P5",
                "/es/search?q=village+1",
                "/en/downloads",
                "/en/discrepancies",
                "/es/discrepancies?source=party-a&unit=R0",
                "/pt/announcements",
                "/id/statistics",
                "/en/statistics?contest=C2&view=consensus",
                "/es/statistics?seed=dados+6+2&size=30")) {
            assertThat(get(p).statusCode()).as(p).isEqualTo(200);
        }
    }

    @Test
    void unknownPagesAreFriendlyHtmlButTheApiKeepsItsJsonProblems() throws Exception {
        var page = get("/en/station/NOPE");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(body(page))
                .contains("There is no station with the code “NOPE”.")
                .doesNotContain("at org.");
        var lang = get("/xx/");
        assertThat(lang.statusCode()).isEqualTo(404);
        assertThat(body(lang)).contains("<html");
        var api = get("/api/nothing-here");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(get("/api/election").statusCode()).isEqualTo(200);
    }

    @Test
    void theDatabaseDownloadsReadOnlyAndResumes() throws Exception {
        var whole = get("/downloads/veritally.db");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("veritally.db"));
        assertThat(new String(whole.body(), 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
        var part = get("/downloads/veritally.db", "Range", "bytes=0-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
    }

    @Test
    void theDatabaseDownloadCarriesNoAccountTokens() throws Exception {
        in.accounts()
                .create(
                        "leak-check",
                        org.veritally.server.auth.Role.AUTHORITY,
                        "authority",
                        java.util.Optional.empty());
        java.nio.file.Files.deleteIfExists(in.dir().resolve("public").resolve("veritally.db"));
        var whole = get("/downloads/veritally.db");
        java.nio.file.Path f = java.nio.file.Files.createTempFile("download", ".db");
        java.nio.file.Files.write(f, whole.body());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + f);
                var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM account")) {
            assertThat(rs.getLong(1)).as("account rows in the public download").isZero();
        }
        assertThat(new String(whole.body(), StandardCharsets.ISO_8859_1)).doesNotContain("leak-check");
    }

    @Test
    void headAnswersLikeGetAndCachesAreToldWhatVaries() throws Exception {
        var head = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/en/station/P3"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(get("/en/").headers().firstValue("Vary"))
                .hasValueSatisfying(v -> assertThat(v).contains("Accept-Encoding"));
        assertThat(get("/", "Accept-Language", "es").headers().firstValue("Vary"))
                .hasValueSatisfying(v -> assertThat(v).contains("Accept-Language"));
    }

    @Test
    void aRangePastTheEndIsUnsatisfiable() throws Exception {
        var r = get("/downloads/veritally.db", "Range", "bytes=999999999-");
        assertThat(r.statusCode()).isEqualTo(416);
        assertThat(DatabaseDownload.span("bytes=-10", 100)).contains(new DatabaseDownload.Span(90, 99));
        assertThat(DatabaseDownload.span("bytes=5-", 100)).contains(new DatabaseDownload.Span(5, 99));
        assertThat(DatabaseDownload.span("nonsense", 100)).contains(new DatabaseDownload.Span(0, 99));
        assertThat(DatabaseDownload.span("bytes=50-10", 100)).isEmpty();
    }

    @Test
    void unknownAssetsAre404() throws Exception {
        assertThat(get("/static/site.0000000000.css").statusCode()).isEqualTo(404);
    }

    static String href(String html, String prefix) {
        int i = html.indexOf("href=\"" + prefix);
        assertThat(i).as("a link starting " + prefix).isPositive();
        return html.substring(i + 6, html.indexOf('"', i + 6)).replace("&amp;", "&");
    }

    @Test
    void aStationsLogNumbersLinkToInclusionProofsTheLogServes() throws Exception {
        String html = body(get("/en/station/" + SampleElection.CORRECTED));
        String link = href(html, "/log/receipt/");
        var proof = get(link);
        assertThat(proof.statusCode()).isEqualTo(200);
        assertThat(proof.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        String text = body(proof);
        assertThat(text)
                .startsWith("c2sp.org/tlog-proof@v1\n")
                .contains("\nindex " + link.substring("/log/receipt/".length()) + "\n");
        String entry = text.lines()
                .filter(l -> l.startsWith("extra "))
                .findFirst()
                .orElseThrow()
                .substring(6);
        assertThat(new String(java.util.Base64.getDecoder().decode(entry), StandardCharsets.UTF_8))
                .contains("\"station\":\"" + SampleElection.CORRECTED + "\"");
    }

    @Test
    void theStatisticsPageLinksTheServersFingerprintAndJson() throws Exception {
        String html = body(get("/en/statistics?contest=C1&view=official"));
        var svg = get(href(html, "/api/stats/forensics/fingerprint.svg"));
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("image/svg+xml"));
        assertThat(get(href(html, "/api/stats/forensics?")).statusCode()).isEqualTo(200);
    }

    @Test
    void filtersThatNameNothingAreFriendly404s() throws Exception {
        var r = get("/es/discrepancies?source=nadie");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(body(r)).contains("No existe la fuente «nadie».");
        assertThat(get("/en/statistics?contest=C9").statusCode()).isEqualTo(404);
    }
}
