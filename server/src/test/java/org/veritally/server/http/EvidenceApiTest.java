package org.veritally.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.ops.OpsConfig;
import org.veritally.testkit.ExifSegments;
import org.veritally.testkit.SheetPictures;

/**
 * The evidence endpoints over real HTTP on loopback, with a real SQLite file and the directory blob
 * store: a witness files a photo that carries GPS EXIF and gets its receipt; the public copy is served
 * by hash and holds no GPS; the original is for administrators only; the station lists it; bad
 * filings are refused with their rule IDs (EV-TYPE, EV-STATION, TS-SOURCE, AUTH-TOKEN, SRV-SIZE) and
 * the same bytes for another station are flagged EV-SAME.
 */
class EvidenceApiTest {
    @TempDir
    Path dir;

    Instance in;
    ApiServer api;
    String base;
    String witness;
    String admin;
    String station;
    String otherStation;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        in = Fixtures.defined(dir, new SyntheticElection(20, 1, 3, 2, 4).definition());
        String source = in.state().tabulation().sources().get(1).id();
        witness = in.accounts()
                .create("wit-1", Role.WITNESS, source, Optional.empty())
                .token();
        admin = in.accounts()
                .create("adm-1", Role.ADMIN, source, Optional.empty())
                .token();
        station = in.state().catalogue().station(0).id();
        otherStation = in.state().catalogue().station(1).id();
        api = new ApiServer(
                        in,
                        WriteToken.load(dir),
                        List.of(),
                        OpsConfig.defaults().withRequestLog(false))
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterEach
    void stop() {
        if (api != null) api.close();
        if (in != null) in.close();
    }

    /** A photo of a sheet as a phone writes it: a JPEG with EXIF that holds GPS, make, model and serial. */
    static byte[] phonePhoto(long seed) {
        byte[] jpeg = SheetPictures.jpeg(SheetPictures.sheet(800, 600, "T-1", new int[] {12, 40, 7}, seed), 0.9f);
        return ExifSegments.afterSoi(jpeg, ExifSegments.exif(10.4806, -66.9036, 1));
    }

    HttpResponse<byte[]> postRaw(String token, String query, byte[] body, String type) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + "/api/evidence?" + query))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> postForm(String token, String stationId, byte[] photo) throws Exception {
        String boundary = "----veritally-test-boundary";
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"station\"\r\n\r\n" + stationId
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"sheet.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(photo);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/evidence"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path, String token) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode body(HttpResponse<byte[]> r) throws Exception {
        return json.readTree(r.body());
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static void problem(HttpResponse<byte[]> r, int status, String rule) {
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(text).isEqualTo(status);
        assertThat(text).contains("\"" + rule + "\"");
    }

    @Test
    void aWitnessFilesAPhotoAndGetsAReceiptAndThePublicCopyHoldsNoGps() throws Exception {
        byte[] photo = phonePhoto(1);
        var r = postForm(witness, station, photo);
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        JsonNode receipt = body(r);
        assertThat(receipt.get("sha256").asText()).isEqualTo(sha256(photo));
        assertThat(receipt.get("index").asLong()).isEqualTo(in.state().logSize() - 1);
        assertThat(receipt.get("receipt").asText()).contains("c2sp.org/tlog-proof");
        String publicSha = receipt.get("publicSha256").asText();
        assertThat(publicSha).isNotEqualTo(sha256(photo));

        var pub = get("/evidence/" + publicSha, null);
        assertThat(pub.statusCode()).isEqualTo(200);
        assertThat(sha256(pub.body())).isEqualTo(publicSha);
        assertThat(pub.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("immutable"));
        String served = new String(pub.body(), StandardCharsets.ISO_8859_1);
        assertThat(served)
                .doesNotContain("Exif")
                .doesNotContain(ExifSegments.SERIAL)
                .doesNotContain(ExifSegments.MAKE);
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(ExifSegments.SERIAL);

        // the same filing again is idempotent
        var again = postForm(witness, station, photo);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).get("index").asLong())
                .isEqualTo(receipt.get("index").asLong());

        // the station lists it
        JsonNode listed = body(get("/api/stations/" + station + "/evidence", null));
        assertThat(listed.get("evidence")).hasSize(1);
        assertThat(listed.get("evidence").get(0).get("publicUrl").asText()).isEqualTo("/evidence/" + publicSha);
        assertThat(listed.get("evidence").get(0).get("original").get("sha256").asText())
                .isEqualTo(sha256(photo));

        // the original: administrators only
        problem(get("/api/evidence/" + sha256(photo) + "/original", witness), 403, "AUTH-ROLE");
        problem(get("/api/evidence/" + sha256(photo) + "/original", null), 401, "AUTH-TOKEN");
        var original = get("/api/evidence/" + sha256(photo) + "/original", admin);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(photo);
        // the server may let more roles read originals (serve --originals-to)
        in.originalsReadableBy(java.util.Set.of(Role.ADMIN, Role.WITNESS));
        assertThat(get("/api/evidence/" + sha256(photo) + "/original", witness).statusCode())
                .isEqualTo(200);
        // an original is not public by its hash
        problem(get("/evidence/" + sha256(photo), null), 404, "RD-PATH");
    }

    @Test
    void theSameBytesForAnotherStationAreFiledAndFlaggedEvSame() throws Exception {
        byte[] photo = phonePhoto(2);
        assertThat(postRaw(witness, "station=" + station, photo, "image/jpeg").statusCode())
                .isEqualTo(201);
        var r = postRaw(witness, "station=" + otherStation, photo, "image/jpeg");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(body(r).get("flags").toString()).contains("EV-SAME");
        JsonNode listed = body(get("/api/stations/" + otherStation + "/evidence", null));
        assertThat(listed.get("evidence").get(0).get("flags").toString()).contains("EV-SAME");
    }

    @Test
    void aWriteRefusedBeforeItsBodyIsReadIsStillAnsweredSrvDrain() throws Exception {
        // a 401 or a 422 from the query string is decided before the body is read; a client still sending a
        // large photo must get the answer, not a reset connection (CI once saw "header parser received no bytes")
        byte[] big = new byte[org.veritally.server.ops.RequestGuard.DRAIN_LIMIT - 64 * 1024];
        new java.util.SplittableRandom(7).nextBytes(big);
        for (int i = 0; i < 20; i++) {
            problem(postRaw(null, "station=" + station, big, "image/jpeg"), 401, "AUTH-TOKEN");
            problem(postRaw(witness, "station=" + station + "&source=other", big, "image/jpeg"), 422, "TS-SOURCE");
        }
        assertThat(in.state().evidenceCount()).isZero();
    }

    @Test
    void badFilingsAreRefusedWithTheirRuleIds() throws Exception {
        problem(postRaw(witness, "station=" + station, "not a photo".getBytes(), "image/jpeg"), 422, "EV-TYPE");
        problem(postRaw(witness, "station=NO-SUCH", phonePhoto(3), "image/jpeg"), 422, "EV-STATION");
        problem(postRaw(witness, "station=" + station + "&contest=C9", phonePhoto(3), "image/jpeg"), 422, "EV-CONTEST");
        problem(
                postRaw(witness, "station=" + station + "&source=other", phonePhoto(3), "image/jpeg"),
                422,
                "TS-SOURCE");
        problem(postRaw(null, "station=" + station, phonePhoto(3), "image/jpeg"), 401, "AUTH-TOKEN");
        problem(postRaw(witness, "", phonePhoto(3), "image/jpeg"), 422, "IN-FIELD");
        // an oversized body is refused from its Content-Length, before it is read: a raw request that declares
        // more than the limit and sends what the server drains (RequestGuard.DRAIN_LIMIT) gets 413 SRV-SIZE
        long declared = org.veritally.server.ops.RequestGuard.EVIDENCE_MAX_BODY + 10;
        try (var sock = new java.net.Socket("127.0.0.1", api.port())) {
            var out = sock.getOutputStream();
            out.write(("POST /api/evidence?station=" + station + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer " + witness + "\r\nContent-Type: image/jpeg\r\n"
                            + "Content-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[org.veritally.server.ops.RequestGuard.DRAIN_LIMIT]);
            out.flush();
            String answer = new String(sock.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("SRV-SIZE");
        }
        // Jetty itself refuses an ambiguous path before any handler sees it
        assertThat(get("/evidence/..%2F..%2Fetc%2Fpasswd", null).statusCode()).isBetween(400, 404);
        problem(get("/evidence/" + "0".repeat(64), null), 404, "RD-PATH");
        // nothing of the refused filings is in the log
        assertThat(in.state().evidenceCount()).isZero();
    }
}
