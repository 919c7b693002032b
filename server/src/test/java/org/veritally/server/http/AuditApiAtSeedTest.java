package org.veritally.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;

/**
 * "Reported results fixed at the seed" (docs/audit.md, issue 19) end to end over the API: an audit defined, seeded
 * and measured (round 1, nothing counted: another round); then the authority corrects the sheets of five stations
 * of the round to count. The corrections are accepted (201); the audit's status still asks for the same stations
 * and draws, says that five stations changed since the seed and at which log index the results stand, and the
 * counts that agree with the sheets as they were at the seed confirm the outcome in round 2.
 */
class AuditApiAtSeedTest {
    static final String SEED = "2 7 1 8 2 8";

    @TempDir
    Path dir;

    Instance in;
    ApiServer api;
    final HttpClient http = HttpClient.newHttpClient();
    String admin;
    String authority;
    List<TallySheet> sheets;

    @BeforeEach
    void start() throws Exception {
        var g = new SyntheticElection(200, 1, 3, 3, 8);
        in = Fixtures.defined(dir, g.definition());
        sheets = Fixtures.sheets(g, g.definition()).stream()
                .filter(x -> x.sourceId().equals("authority"))
                .toList();
        Fixtures.submit(in, sheets);
        api = new ApiServer(in, WriteToken.load(dir)).start("127.0.0.1", 0);
        admin = Files.readString(dir.resolve(WriteToken.FILE)).strip();
        authority = in.accounts()
                .create("cne", Role.AUTHORITY, "authority", Optional.empty())
                .token();
    }

    @AfterEach
    void stop() {
        api.close();
        in.close();
    }

    HttpResponse<String> send(String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
        b = body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode status() throws Exception {
        var r = send("/api/audits/rla-1", null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    static List<String> stations(JsonNode current) {
        List<String> out = new java.util.ArrayList<>();
        current.get("stations").forEach(n -> out.add(n.get("station").asText()));
        return out;
    }

    TallySheet sheet(String station) {
        return sheets.stream()
                .filter(s -> s.stationId().equals(station))
                .findFirst()
                .orElseThrow();
    }

    String votes(long[] v) {
        return "{\"C1-L1\":" + v[0] + ",\"C1-L2\":" + v[1] + ",\"C1-L3\":" + v[2] + "}";
    }

    @Test
    void AUD_ROUND_correctionsAfterTheSeedAreAcceptedAndTheAuditGoesOnWithTheResultsAsTheyStoodAtTheSeed()
            throws Exception {
        String commitment = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(SEED.getBytes(StandardCharsets.UTF_8)));
        String define = "{\"id\":\"rla-1\",\"contest\":\"C1\",\"riskLimit\":\"0.10\",\"method\":\"macro\","
                + "\"seedCommitment\":\"" + commitment + "\"}";
        assertThat(send("/api/audits", admin, define).statusCode()).isEqualTo(201);
        long seedIndex = in.state().logSize();
        assertThat(send("/api/audits/rla-1/seed", admin, "{\"seed\":\"" + SEED + "\"}")
                        .statusCode())
                .isEqualTo(201);
        var risk = send("/api/audits/rla-1/risk", admin, "{}");
        assertThat(risk.statusCode()).as(risk.body()).isEqualTo(201);
        JsonNode before = status().get("current");
        assertThat(before.get("round").asInt()).isEqualTo(2);
        List<String> stations = stations(before);

        int source = in.state().tabulation().sourceIndex("authority");
        for (String st : stations.subList(0, 5)) {
            long[] v = sheet(st).votes().clone();
            long t = v[0];
            v[0] = v[2];
            v[2] = t;
            long current =
                    in.state().sheets().get(CopyKey.of(in.state().catalogue().stationIndex(st), 0, source));
            String correction = "{\"station\":\"" + st + "\",\"contest\":\"C1\",\"source\":\"authority\","
                    + "\"counts\":{\"valid\":" + (v[0] + v[1] + v[2]) + ",\"null\":0},\"votes\":" + votes(v)
                    + ",\"supersedes\":" + current + ",\"reason\":\"recounted after the seed\"}";
            var r = send("/api/sheets", authority, correction);
            assertThat(r.statusCode()).as(r.body()).isBetween(200, 202);
        }
        JsonNode s = status();
        JsonNode after = s.get("current");
        assertThat(after.get("draws").asLong()).isEqualTo(before.get("draws").asLong());
        assertThat(stations(after)).isEqualTo(stations);
        assertThat(s.get("reported").get("asOf").asLong()).isEqualTo(seedIndex);
        assertThat(s.get("reported").get("changed").asInt()).isEqualTo(5);
        assertThat(s.get("reported").get("added").asInt()).isEqualTo(0);

        for (String st : stations) {
            var r = send(
                    "/api/audits/rla-1/counts",
                    admin,
                    "{\"station\":\"" + st + "\",\"board\":\"A and B\",\"counts\":"
                            + votes(sheet(st).votes()) + "}");
            assertThat(r.statusCode()).as(st + " " + r.body()).isEqualTo(201);
        }
        JsonNode done = status();
        assertThat(done.get("state").asText()).isEqualTo("confirmed");
        assertThat(done.get("rounds")).hasSize(2);
    }
}
