package org.veritally.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.log.LogRoutes;
import org.veritally.server.log.LogView;
import org.veritally.server.log.Witnesses;
import org.veritally.server.ops.OpsConfig;
import org.veritally.server.ops.RateLimit;

/**
 * Fuzzes the write endpoints over real HTTP, as the administrator (so every input reaches the
 * parser): {@code POST /api/sheets}, {@code POST /api/announcements}, {@code POST /api/keys} and
 * {@code POST /log/cosignature}. Every answer must be below 500 and, when it is not a success, be problem+json
 * with a rule ID and leave the log exactly as it was (nothing written). Rate limits are off here;
 * they have their own tests.
 */
class HttpFuzzTest {
    static final int CI = 400;
    static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile("\"rule\":\"([A-Z0-9-]+)\"");
    static Instance in;
    static ApiServer api;
    static String base;
    static String token;
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        in = Fixtures.defined(dir, Samples.DEFINITION);
        Fixtures.submit(in, Samples.SHEETS.subList(0, 5));
        var config = OpsConfig.defaults()
                .withRateLimits(RateLimit.OFF, RateLimit.OFF, RateLimit.OFF)
                .withRequestLog(false);
        api = new ApiServer(
                        in,
                        WriteToken.load(dir),
                        List.of(new LogRoutes(in.store(), in.keys(), Witnesses.load(dir))),
                        config)
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
        token = Files.readString(dir.resolve(WriteToken.FILE)).strip();
    }

    @AfterAll
    static void stop() {
        api.close();
        in.close();
    }

    static FuzzCampaign.Target endpoint(String path) {
        return (input, seen) -> {
            long before = in.store().logSize();
            var req = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(input))
                    .build();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode())
                    .as("status for " + FuzzCampaign.show(input) + ": " + r.body())
                    .isLessThan(500);
            var rule = RULE.matcher(r.body());
            seen.add(r.statusCode() + (rule.find() ? ":" + rule.group(1) : ""));
            if (r.statusCode() >= 300) {
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(r.body()).contains("\"rule\":\"");
                assertThat(in.store().logSize())
                        .as("a rejected input writes nothing")
                        .isEqualTo(before);
            }
            assertThat(in.state().logSize()).isEqualTo(in.store().logSize());
        };
    }

    @Test
    void postSheets() {
        List<byte[]> seeds = new ArrayList<>();
        for (TallySheet s : Samples.SHEETS.subList(5, 15)) seeds.add(Samples.utf8(Samples.apiSheet(s)));
        var tokens = Samples.jsonTokens(
                "station",
                "contest",
                "source",
                "counts",
                "votes",
                "ballots",
                "valid",
                "null",
                "blank",
                "registered",
                "supersedes",
                "reason",
                "signature",
                "signer",
                "C1-L1",
                "C2-L4",
                "P1",
                "authority",
                "party-a");
        FuzzCampaign.run("HTTP POST /api/sheets", CI, seeds, new Mutator(tokens), endpoint("/api/sheets"));
    }

    @Test
    void postAnnouncements() {
        var tokens = Samples.jsonTokens(
                "id",
                "title",
                "time",
                "contest",
                "candidates",
                "others",
                "registered",
                "valid",
                "null",
                "stationsTotal",
                "coveragePercent",
                "coverageHundredthsPercent",
                "C1-K1",
                "C1-K2",
                "C2-K1");
        FuzzCampaign.run(
                "HTTP POST /api/announcements",
                CI / 2,
                List.of(Samples.utf8(Samples.announcement())),
                new Mutator(tokens),
                endpoint("/api/announcements"));
    }

    @Test
    void postKeys() {
        String vkey = org.veritally.translog.NoteSigner.generate(
                        "wit-f", org.veritally.translog.VerifierKey.TYPE_ED25519)
                .verifierKey()
                .encode();
        in.accounts().create("wit-f", org.veritally.server.auth.Role.WITNESS, "party-a", java.util.Optional.empty());
        var tokens = Samples.jsonTokens("account", "key", "wit-f", "admin", vkey, "+", "0000");
        FuzzCampaign.run(
                "HTTP POST /api/keys",
                CI / 4,
                List.of(Samples.utf8("{\"account\":\"wit-f\",\"key\":\"" + vkey + "\"}")),
                new Mutator(tokens),
                endpoint("/api/keys"));
    }

    @Test
    void postCosignature() {
        String note = new LogView(in.store()).latest().orElseThrow().note();
        FuzzCampaign.run(
                "HTTP POST /log/cosignature",
                CI / 2,
                List.of(Samples.utf8(note)),
                new Mutator(LogFormatsFuzzTest.TOKENS),
                endpoint("/log/cosignature"));
    }
}
