package org.veritally.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.log.LogRoutes;
import org.veritally.server.log.Witnesses;
import org.veritally.server.ops.OpsConfig;
import org.veritally.store.StoreException;
import org.veritally.translog.Note;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * Each read, log and server refusal answered over real HTTP as problem+json whose {@code rule} member is
 * the rule's ID.
 */
class RuleProblemsHttpTest {
    @TempDir
    Path dir;

    Instance in;
    ApiServer api;
    String base;
    final HttpClient http = HttpClient.newHttpClient();

    void start(boolean defined) throws Exception {
        in = defined ? Fixtures.defined(dir, new SyntheticElection(20, 1, 3, 2, 4).definition()) : Instance.open(dir);
        Routes boom = r -> {
            r.get("/api/boom", ctx -> {
                throw new IllegalStateException("a bug with a secret inside");
            });
            r.get("/api/store-down", ctx -> {
                throw new StoreException("connection to the database lost", null);
            });
        };
        api = new ApiServer(
                        in,
                        WriteToken.load(dir),
                        List.of(new LogRoutes(in.store(), in.keys(), Witnesses.load(dir)), boom),
                        OpsConfig.defaults().withRequestLog(false))
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterEach
    void stop() {
        if (api != null) api.close();
        if (in != null) in.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void problem(HttpResponse<String> r, int status, String rule) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"rule\":\"" + rule + "\"");
    }

    @Test
    void rdUnitForAnUnknownUnit() throws Exception {
        start(true);
        problem(get("/api/results?unit=NOPE"), 404, "RD-UNIT");
    }

    @Test
    void rdPathForAPathThatIsNoResource() throws Exception {
        start(true);
        problem(get("/api/nothing-here"), 404, "RD-PATH");
    }

    @Test
    void rdParamForALimitThatIsNotANumber() throws Exception {
        start(true);
        problem(get("/api/discrepancies?limit=many"), 400, "RD-PARAM");
    }

    @Test
    void logEmptyBeforeTheFirstCheckpoint() throws Exception {
        start(false);
        problem(get("/log/checkpoint"), 404, "LOG-EMPTY");
    }

    @Test
    void tileRangeForATileBeyondTheTreeSize() throws Exception {
        start(true);
        problem(get("/log/tile/0/005"), 404, "TILE-RANGE");
    }

    @Test
    void cosigCkptForACheckpointTheLogNeverSigned() throws Exception {
        start(true);
        long size = in.state().logSize();
        String text =
                in.keys().origin() + "\n" + size + "\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n";
        NoteSigner witness = NoteSigner.generate("example.org/witness", VerifierKey.TYPE_ED25519);
        String body = new Note(text, List.of(witness.sign(text))).format();
        var r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/log/cosignature"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        problem(r, 409, "COSIG-CKPT");
    }

    @Test
    void srvBusyWhenTheGroupCommitTakesNoMoreSheets() throws Exception {
        start(true);
        in.groupCommit().close(); // a group commit that no longer queues answers as a full queue does
        String token =
                java.nio.file.Files.readString(dir.resolve(WriteToken.FILE)).strip();
        var r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/sheets"))
                        .POST(HttpRequest.BodyPublishers.ofString(ApiServerTest.SHEET))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        problem(r, 503, "SRV-BUSY");
    }

    @Test
    void srvInternalForAnUnexpectedExceptionWithoutItsDetails() throws Exception {
        start(true);
        var r = get("/api/boom");
        problem(r, 500, "SRV-INTERNAL");
        assertThat(r.body()).doesNotContain("secret");
    }

    @Test
    void srvStoreWhenTheStoreFails() throws Exception {
        start(true);
        var r = get("/api/store-down");
        problem(r, 503, "SRV-STORE");
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
    }
}
