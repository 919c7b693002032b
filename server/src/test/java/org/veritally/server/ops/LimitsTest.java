package org.veritally.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.auth.Role;

/** SRV-SIZE (413) and SRV-RATE (429 with Retry-After) over real HTTP; nothing refused is written. */
class LimitsTest {
    @TempDir
    Path dir;

    @Test
    void srvSizeOversizedBodyIs413AndWritesNothing() throws Exception {
        try (var s = OpsServer.start(dir, OpsConfig.defaults())) {
            long before = s.in.store().logSize();
            String big = OpsServer.SHEET.replace("\"station\"", "\"pad\":\"" + "x".repeat(900_000) + "\",\"station\"");
            var r = s.postSheet(big);
            assertThat(r.statusCode())
                    .as("the client sees the answer, not a reset connection")
                    .isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).contains("SRV-SIZE");
            assertThat(s.in.store().logSize()).isEqualTo(before);
            assertThat(s.postSheet(OpsServer.SHEET).statusCode())
                    .as("a body within the limit still goes through")
                    .isEqualTo(201);
        }
    }

    @Test
    void srvSizeChunkedBodyWithoutLengthIsCutAtTheLimit() throws Exception {
        try (var s = OpsServer.start(dir, OpsConfig.defaults().withMaxBody(1024))) {
            byte[] body = ("{\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes();
            var req = HttpRequest.newBuilder(URI.create(s.base + "/api/sheets"))
                    .header("Authorization", "Bearer " + s.token)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build();
            var r = s.http.send(req, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("SRV-SIZE");
            assertThat(s.in.store().logSize()).isEqualTo(s.in.state().logSize());
        }
    }

    @Test
    void srvRateAccountBucketEmptiesThen429WithRetryAfter() throws Exception {
        var config = OpsConfig.defaults().withRateLimits(RateLimit.parse("1/m:3"), RateLimit.OFF, RateLimit.OFF);
        try (var s = OpsServer.start(dir, config)) {
            for (int i = 0; i < 3; i++)
                assertThat(s.postSheet(OpsServer.SHEET).statusCode()).isIn(200, 201);
            long before = s.in.store().logSize();
            var r = s.postSheet(OpsServer.SHEET.replace("\"P3\"", "\"P4\""));
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.body()).contains("SRV-RATE", "account");
            assertThat(r.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
            assertThat(s.in.store().logSize())
                    .as("a refused sheet writes nothing")
                    .isEqualTo(before);
            assertThat(s.get("/metrics").body())
                    .contains("veritally_rejections_total{route=\"/api/sheets\",rule=\"SRV-RATE\"} 1\n");
            String other = s.in.accounts()
                    .create("wit-a", Role.WITNESS, "party-a", Optional.empty())
                    .token();
            assertThat(s.post("/api/sheets", "{}", "Bearer " + other).statusCode())
                    .as("another account has its own bucket")
                    .isEqualTo(422);
            assertThat(s.get("/api/election").statusCode())
                    .as("reads are not limited by default")
                    .isEqualTo(200);
        }
    }

    @Test
    void srvRateAddressBucketCountsUnauthenticatedWritesToo() throws Exception {
        var config = OpsConfig.defaults().withRateLimits(RateLimit.OFF, RateLimit.parse("2/h"), RateLimit.OFF);
        try (var s = OpsServer.start(dir, config)) {
            assertThat(s.post("/api/sheets", "{}", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(s.post("/api/sheets", "{}", null).statusCode()).isEqualTo(401);
            var r = s.postSheet(OpsServer.SHEET);
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.body()).contains("SRV-RATE", "address");
            assertThat(r.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 1800L));
        }
    }

    @Test
    void srvRateReadLimitWhenConfiguredButNeverOnProbes() throws Exception {
        var config = OpsConfig.defaults().withRateLimits(RateLimit.OFF, RateLimit.OFF, RateLimit.parse("2/m"));
        try (var s = OpsServer.start(dir, config)) {
            assertThat(s.get("/api/election").statusCode()).isEqualTo(200);
            assertThat(s.get("/en").statusCode()).isEqualTo(200);
            var r = s.get("/api/election");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            SecurityHeadersTest.assertHardened(r);
            for (int i = 0; i < 5; i++) {
                assertThat(s.get("/healthz").statusCode()).isEqualTo(200);
                assertThat(s.get("/metrics").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void srvSizeOnlyThePhotoPathsTakeTheLargerLimit() {
        assertThat(RequestGuard.takesPhoto("/api/evidence")).isTrue();
        assertThat(RequestGuard.takesPhoto("/en/upload")).isTrue();
        assertThat(RequestGuard.takesPhoto("/pt/upload")).isTrue();
        assertThat(RequestGuard.takesPhoto("/api/sheets")).isFalse();
        assertThat(RequestGuard.takesPhoto("/en/upload/x")).isFalse();
        assertThat(RequestGuard.takesPhoto("/en/station/upload")).isFalse();
        assertThat(RequestGuard.takesPhoto("/api/upload")).isFalse();
        assertThat(RequestGuard.takesPhoto("/api/evidence/abc/original")).isFalse();
    }

    @Test
    void srvSizeDeclaredLengthIsReadStrictly() {
        assertThat(RequestGuard.tooLong("65537", 65536)).isTrue();
        assertThat(RequestGuard.tooLong("65536", 65536)).isFalse();
        assertThat(RequestGuard.tooLong("99999999999999999999999", 65536))
                .as("beyond a long")
                .isTrue();
        assertThat(RequestGuard.tooLong("", 65536)).isFalse();
        assertThat(RequestGuard.tooLong("-1", 65536))
                .as("malformed: the server answers 400")
                .isFalse();
        assertThat(RequestGuard.tooLong("1e9", 65536)).isFalse();
    }
}
