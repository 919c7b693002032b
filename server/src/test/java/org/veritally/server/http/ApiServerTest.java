package org.veritally.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;

/** The JSON API over real HTTP on loopback: reads, authorised writes, RFC 9457 problems with rule IDs. */
class ApiServerTest {
    @TempDir
    Path dir;

    Instance in;
    ApiServer api;
    String base;
    String token;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        in = Fixtures.defined(dir, new SyntheticElection(50, 1, 3, 2, 4).definition());
        api = new ApiServer(in, WriteToken.load(dir)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
        token = Files.readString(dir.resolve(WriteToken.FILE)).strip();
    }

    @AfterEach
    void stop() {
        api.close();
        in.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String body, String auth) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + "/api/sheets"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (auth != null) b.header("Authorization", auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final String SHEET =
            "{\"station\":\"P3\",\"contest\":\"C1\",\"source\":\"authority\",\"counts\":{\"ballots\":10"
                    + "0,\"valid\":95,\"null\":3,\"blank\":2},"
                    + "\"votes\":{\"C1-L1\":50,\"C1-L2\":40,\"C1-L3\":5}}";

    @Test
    void postedSheetIsAcceptedAndMovesTheResults() throws Exception {
        var r = post(SHEET, "Bearer " + token);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"index\":", "\"leafHash\":\"");
        var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        long size = answer.get("checkpointSize").asLong();
        assertThat(size)
                .as("the receipt's checkpoint covers the entry")
                .isGreaterThan(answer.get("index").asLong())
                .isEqualTo(in.store().logSize());
        assertThat(answer.get("receipt").asText()).contains("\n" + size + "\n");
        var res = get("/api/results?view=official");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(res.body()).contains("\"stationsReporting\":1", "\"validVotes\":95");
        assertThat(post(SHEET, "Bearer " + token).statusCode())
                .as("idempotent resubmission")
                .isEqualTo(200);
        var st = get("/api/stations/P3");
        assertThat(st.body()).contains("\"source\":\"authority\"", "\"C1-L1\":50");
    }

    @Test
    void writesNeedTheBearerToken() throws Exception {
        assertThat(post(SHEET, null).statusCode()).isEqualTo(401);
        var r = post(SHEET, "Bearer wrong");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("AUTH-TOKEN");
        assertThat(in.state().logSize()).isEqualTo(in.store().logSize());
    }

    @Test
    void badSheetsGetProblemJsonWithEveryRule() throws Exception {
        var r = post(
                "{\"station\":\"P3\",\"contest\":\"C1\",\"source\":\"authority\",\"counts\":{\"valid\":"
                        + "-1,\"null\":1.5},"
                        + "\"votes\":{\"C1-L1\":1,\"ZZ\":2},\"extra\":true}",
                "Bearer " + token);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body())
                .contains("IN-COUNT")
                .contains("TS-CHOICE")
                .contains("IN-FIELD")
                .contains("$.extra");
        var sum = post(SHEET.replace("\"C1-L3\":5", "\"C1-L3\":6"), "Bearer " + token);
        assertThat(sum.statusCode()).isEqualTo(422);
        assertThat(sum.body()).contains("TS-SUM");
        var syntax = post("{not json", "Bearer " + token);
        assertThat(syntax.statusCode()).isEqualTo(422);
        assertThat(syntax.body()).contains("IN-SYNTAX").doesNotContain("Exception");
    }

    @Test
    void conflictingSheetIs409() throws Exception {
        assertThat(post(SHEET, "Bearer " + token).statusCode()).isEqualTo(201);
        var r = post(SHEET.replace("\"C1-L1\":50,\"C1-L2\":40", "\"C1-L1\":40,\"C1-L2\":50"), "Bearer " + token);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("TS-CONFLICT");
    }

    @Test
    void unknownThingsAre404ProblemJson() throws Exception {
        assertThat(get("/api/units/NOPE").statusCode()).isEqualTo(404);
        assertThat(get("/api/stations/NOPE").body()).contains("RD-STATION");
        assertThat(get("/api/results?view=source:nobody").body()).contains("RD-VIEW");
        assertThat(get("/api/nothing-here").statusCode()).isEqualTo(404);
        var unit = get("/api/units/N");
        assertThat(unit.statusCode()).isEqualTo(200);
        assertThat(unit.body()).contains("\"children\":[");
    }
}
