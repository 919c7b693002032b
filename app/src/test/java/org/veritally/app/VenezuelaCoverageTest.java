package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.web.WebSite;

/**
 * The Venezuelan import measured against the whole election (docs/coverage.md): {@code import --format
 * ve2024-cvzla} of the opposition's 24,532 actas (../shared, system property {@code veritally.shared})
 * declares the CNE's 30,026 tables and 21,321,805 registered voters, so the overview served over HTTP says
 * "24,532 / 30,026" and names the denominator in every language, the API answer carries it, and the bound
 * of the statistics page counts the 3,576,566 registered voters not in the file. Skipped, visibly, without
 * the file.
 */
class VenezuelaCoverageTest {
    @TempDir
    static Path dir;

    static Instance in;
    static ApiServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static Path file() {
        return Path.of(
                System.getProperty("veritally.shared", "../../shared"),
                "data",
                "ve-2024",
                "RESULTADOS_2024_CSV_V1.csv");
    }

    @BeforeAll
    static void importAndServe() throws Exception {
        if (!Files.isRegularFile(file())) {
            System.out.println("SKIPPED: Venezuelan file not found at " + file().toAbsolutePath());
            return;
        }
        Path data = dir.resolve("ve");
        var r = StatsCommandTest.run(
                "import", "--data", data.toString(), "--format", "ve2024-cvzla", "--quiet", file().toString());
        assertThat(r.code()).as(r.err()).isZero();
        in = Instance.open(data);
        server = new ApiServer(in, WriteToken.load(data), List.of(new WebSite(in))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void close() {
        if (server != null) server.close();
        if (in != null) in.close();
    }

    static String get(String path) throws Exception {
        assumeTrue(server != null, "SKIPPED: Venezuelan file absent at " + file().toAbsolutePath());
        var res = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(path).isEqualTo(200);
        return res.body();
    }

    @Test
    void overviewShowsTheActasInHandOutOfTheCnesTablesAndNamesTheDenominator() throws Exception {
        String en = get("/en/?view=source:cvzla");
        assertThat(en).contains("24,532").contains("30,026").contains("81.7%");
        assertThat(en).contains("Denominator: the election&#39;s declared universe");
        assertThat(en).doesNotContain("24,532 / 24,532").doesNotContain("100.0% reporting");
        // No per-state universe is declared: the states' shares say they are of the catalogue.
        assertThat(en).contains("100.0% of the catalogue&#39;s stations reporting");
        assertThat(get("/es/?view=source:cvzla")).contains("30.026").contains("universo declarado");
        assertThat(get("/pt/?view=source:cvzla")).contains("30.026").contains("universo declarado");
        assertThat(get("/id/?view=source:cvzla")).contains("30.026").contains("semesta pemilu");
    }

    @Test
    void apiResultSaysWhichDenominatorItUses() throws Exception {
        JsonNode r = new ObjectMapper().readTree(get("/api/results?view=source:cvzla"));
        assertThat(r.get("stationsReporting").asLong()).isEqualTo(24_532);
        assertThat(r.get("stationsTotal").asLong()).as("the catalogue's").isEqualTo(24_532);
        assertThat(r.get("denominator").get("basis").asText()).isEqualTo("universe");
        assertThat(r.get("denominator").get("stations").asLong()).isEqualTo(30_026);
        assertThat(r.get("denominator").get("registered").asLong()).isEqualTo(21_321_805);
    }

    @Test
    void statisticsPageCountsTheRegisteredVotersOfTheTablesNotInTheFile() throws Exception {
        String en = get("/en/statistics?view=source:cvzla");
        assertThat(en).contains("24,532 of 30,026 stations").contains("3,576,566 registered voters");
        assertThat(en).contains("Denominator: the election&#39;s declared universe");
    }

    @Test
    void unitPageSaysItsPlacesAreCountedAgainstTheCatalogue() throws Exception {
        String en = get("/en/unit/VE?contest=PRES&view=source:cvzla");
        assertThat(en).contains("30,026").contains("Shares reporting below are of the stations in the catalogue");
    }

    @Test
    void atomFeedOfTheVenezuelanLogParsesAndJudgesNothingItCannot() throws Exception {
        long t0 = System.nanoTime();
        String xml = get("/en/feed.atom");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = f.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        int entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")
                .getLength();
        assertThat(entries).isBetween(1, org.veritally.web.feed.FeedQuery.DEFAULT_LIMIT);
        System.out.printf("VE feed: %d entries, %,d bytes, first request %d ms%n", entries, xml.length(), ms);
    }
}
