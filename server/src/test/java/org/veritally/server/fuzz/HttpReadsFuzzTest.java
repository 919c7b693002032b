package org.veritally.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.log.LogRoutes;
import org.veritally.server.log.Witnesses;
import org.veritally.server.ops.OpsConfig;
import org.veritally.server.stats.StatsRoutes;

/**
 * Fuzzes the read side's URL parsing: path segments and query parameters of every GET route of the
 * API, the statistics and the log (the website has its own routes and tests). Bytes that cannot
 * appear in a URL are percent-encoded, so every input reaches the router. Every answer must be
 * below 500, and the log must not grow.
 */
class HttpReadsFuzzTest {
    static final int CI = 600;
    /** Reported finding (docs/security.md, "Fuzzing"); remove with its fix in ApiServer's discrepancies route. */
    static Instance in;

    static ApiServer api;
    static String base;
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        in = Fixtures.defined(dir, Samples.DEFINITION);
        Fixtures.submit(in, Samples.SHEETS);
        var config = OpsConfig.defaults().withRequestLog(false);
        var extra = List.of(new LogRoutes(in.store(), in.keys(), Witnesses.load(dir)), new StatsRoutes(in));
        api = new ApiServer(in, WriteToken.load(dir), extra, config).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() {
        api.close();
        in.close();
    }

    static final List<String> URLS = List.of(
            "/api/election",
            "/api/results?unit=N&contest=C1&view=official",
            "/api/results?view=source:party-a",
            "/api/units/R0?contest=C2&view=consensus",
            "/api/stations/P1",
            "/api/discrepancies?unit=N&source=party-a&limit=10",
            "/api/announcements",
            "/log/checkpoint",
            "/log/tile/0/000",
            "/log/tile/entries/000.p/12",
            "/log/tile/1/000.p/1",
            "/log/receipt/3",
            "/api/stats/forensics?contest=C1&view=official&seed=7&maxListed=5",
            "/api/stats/forensics/fingerprint.svg?view=official",
            "/api/stats/quickcount?contest=C1&view=official&sample=10&seed=3&strata=region",
            "/api/stats/irreversible?view=official",
            "/api/stats/round-shares?view=official",
            "/api/stats/sample-size?margin=0.01&confidence=0.95",
            "/healthz",
            "/readyz",
            "/metrics");

    /** Percent-encodes what a URI cannot hold, keeping the path and query structure characters. */
    static String url(byte[] input) {
        var sb = new StringBuilder();
        for (byte b : input) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "/?&=-._~:%+,".indexOf(c) >= 0;
            if (c == '%' && sb.length() % 3 == 0) keep = false;
            sb.append(keep ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        String s = sb.toString();
        return s.startsWith("/") ? s : "/" + s;
    }

    /** True when the query's {@code limit} (as Javalin reads it: the first one, decoded) is present and not an int. */
    static boolean badLimit(String rawQuery) {
        if (rawQuery == null) return false;
        for (String kv : rawQuery.split("&")) {
            if (!kv.startsWith("limit=")) continue;
            try {
                String v = java.net.URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8);
                if (v.isEmpty()) return false;
                Integer.parseInt(v);
                return false;
            } catch (NumberFormatException e) {
                return true;
            } catch (IllegalArgumentException malformedEscape) {
                return false;
            }
        }
        return false;
    }

    @Test
    void getRoutes() {
        var seeds = URLS.stream().map(u -> u.getBytes(StandardCharsets.UTF_8)).toList();
        var tokens = List.of(
                "?",
                "&",
                "=",
                "/",
                "..",
                "%",
                "%00",
                "%2F",
                "%FF",
                "unit=",
                "contest=",
                "view=",
                "limit=",
                "seed=",
                "sample=",
                "strata=",
                "maxListed=",
                "margin=",
                "confidence=",
                "source:",
                "official",
                "consensus",
                "-1",
                "0",
                "99999999999999999999",
                "1e9",
                "NaN",
                ".p/",
                "/000",
                "x".repeat(300));
        long size = in.store().logSize();
        FuzzCampaign.run("HTTP GET (API, stats, log)", CI, seeds, new Mutator(tokens), (input, seen) -> {
            URI uri;
            try {
                uri = URI.create(base + url(input));
            } catch (IllegalArgumentException notAUri) {
                seen.add("not-a-uri");
                return;
            }
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 500 && uri.getPath().equals("/api/discrepancies") && badLimit(uri.getRawQuery())) {
                throw new IllegalStateException("FZ-4: " + uri);
            }
            assertThat(r.statusCode()).as("status for " + uri + ": " + r.body()).isLessThan(500);
            seen.add(Integer.toString(r.statusCode()));
            assertThat(in.store().logSize()).isEqualTo(size);
        });
    }
}
