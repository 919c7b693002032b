package org.veritally.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.auth.Role;
import org.veritally.server.log.LogKeys;

/**
 * Captures everything the process prints (slf4j-simple writes to System.err) while authenticated
 * requests are served (accepted, rejected, refused), and asserts no bearer token and no part of the
 * log's private key appears, while the JSON request lines do (with the account id).
 */
class NoSecretInLogsTest {
    @TempDir
    Path dir;

    @Test
    void requestLogNeverPrintsTheAuthorizationHeaderOrTheLogKey() throws Exception {
        var captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        PrintStream out = System.out;
        String admin;
        String witness;
        try (var tee = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(tee);
            System.setOut(tee);
            try (var s = OpsServer.start(
                    dir, OpsConfig.defaults().withRateLimits(RateLimit.parse("2/m"), RateLimit.OFF, RateLimit.OFF))) {
                admin = s.token;
                witness = s.in.accounts()
                        .create("wit-a", Role.WITNESS, "party-a", Optional.empty())
                        .token();
                assertThat(s.postSheet(OpsServer.SHEET).statusCode()).isEqualTo(201);
                assertThat(s.postSheet("{\"station\":1}").statusCode()).isEqualTo(422);
                assertThat(s.postSheet(OpsServer.SHEET).statusCode())
                        .as("over the account's limit")
                        .isEqualTo(429);
                assertThat(s.post("/api/sheets", "{}", "Bearer " + witness).statusCode())
                        .isEqualTo(422);
                assertThat(s.post("/api/announcements", "{}", "Bearer " + witness)
                                .statusCode())
                        .isEqualTo(403);
                assertThat(s.post("/api/sheets", "{}", "Bearer " + admin + "x").statusCode())
                        .isEqualTo(401);
            }
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        String key =
                Files.readString(dir.resolve(LogKeys.DIR).resolve("log.key")).strip();
        assertThat(log)
                .contains(
                        "\"route\":\"/api/sheets\",\"status\":201",
                        "\"account\":\"admin\"",
                        "\"account\":\"wit-a\"",
                        "\"rules\":[\"SRV-RATE\"]");
        assertThat(log)
                .doesNotContain(admin)
                .doesNotContain(witness)
                .doesNotContain("Bearer")
                .doesNotContain("Authorization");
        assertThat(log).doesNotContain(key);
        for (String part : key.split("[+:]"))
            if (part.length() >= 16) assertThat(log).doesNotContain(part);
    }

    @Test
    void jsonLineEscapesEverythingThatCouldBreakALine() {
        String line = RequestLog.line(
                Instant.EPOCH, "GET", "/a\"b\\c\nd\u2028", 200, 1.5, Optional.of("x\ty"), List.of("R\r"));
        assertThat(line)
                .isEqualTo("{\"time\":\"1970-01-01T00:00:00Z\",\"method\":\"GET\",\"route\":\"/a\\\"b\\\\c"
                        + "\\nd\\u2028\",\"status\":200,"
                        + "\"ms\":1.500,\"account\":\"x\\ty\",\"rules\":[\"R\\r\"]}");
        assertThat(line).doesNotContain("\n");
    }
}
