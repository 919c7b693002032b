package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.ops.OpsConfig;
import org.veritally.testkit.Seeds;
import org.veritally.testkit.SheetPictures;

/**
 * Evidence intake fills the transcription queue (docs/transcription.md#the-work-queue), end to end over HTTP
 * on loopback with the server wired as {@code serve} wires it: a photo filed by {@code evidence add} before
 * the server starts, one through {@code POST /api/evidence} and one through the upload page while it runs are
 * all in the queue ({@code GET /api/campaign/status}, {@code POST /api/transcribe/next}); after a restart the
 * queue is rebuilt from the log's evidence and the work done (a photo with one transcription comes first, never
 * to the account that typed it).
 */
class EvidenceReachesQueueTest {
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();
    Instance in;
    ApiServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (in != null) in.close();
    }

    void serve(Path data) throws java.io.IOException {
        in = Instance.open(data);
        server = new ApiServer(
                        in,
                        WriteToken.load(data),
                        List.of(new org.veritally.web.WebSite(in)),
                        OpsConfig.defaults().withRequestLog(false))
                .start("127.0.0.1", 0);
    }

    void restart(Path data) throws java.io.IOException {
        server.close();
        in.close();
        server = null;
        in = null;
        serve(data);
    }

    static byte[] photo(String station, long seed) {
        return SheetPictures.jpeg(SheetPictures.sheet(800, 600, station, new int[] {12, 40, 7}, seed), 0.9f);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    Map<String, Object> status() throws Exception {
        var r = send(HttpRequest.newBuilder(uri("/api/campaign/status")).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonTree.asObject(JsonTree.parse(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    Map<String, Object> next(String token) throws Exception {
        var r = send(HttpRequest.newBuilder(uri("/api/transcribe/next"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonTree.asObject(JsonTree.parse(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    /** A multipart form of text fields and one file {@code photo}. */
    static byte[] multipart(String boundary, Map<String, String> fields, byte[] photo) {
        var out = new ByteArrayOutputStream();
        for (var f : fields.entrySet())
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                            + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(photo);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void photosFiledByCliApiAndUploadPageAreQueuedOnARunningServerAndAfterARestart() throws Exception {
        long seed = Seeds.seed("evidence-reaches-queue", 31);
        Path g = dir.resolve("gen");
        assertThat(CliTest.run(
                                "generate",
                                "--stations",
                                "20",
                                "--contests",
                                "2",
                                "--choices",
                                "3",
                                "--sources",
                                "2",
                                "--seed",
                                "4",
                                "--out",
                                g.toString())
                        .code())
                .isZero();
        Path data = dir.resolve("d");
        var imported = CliTest.run(
                "import",
                "--data",
                data.toString(),
                "--format",
                "election",
                g.resolve("election.json").toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        String witness;
        String[] vol = new String[2];
        List<String> stations;
        try (Instance setup = Instance.open(data)) {
            witness = setup.accounts()
                    .create("wit-q", Role.WITNESS, "party-a", Optional.empty())
                    .token();
            for (int i = 0; i < vol.length; i++)
                vol[i] = setup.accounts()
                        .create("vol-" + i, Role.TRANSCRIBER, "", Optional.empty())
                        .token();
            var cat = setup.state().catalogue();
            stations = List.of(
                    cat.station(1).id(), cat.station(2).id(), cat.station(3).id());
        }
        byte[][] photos = {
            photo(stations.get(0), seed), photo(stations.get(1), seed + 1), photo(stations.get(2), seed + 2)
        };
        String[] sha = {sha256(photos[0]), sha256(photos[1]), sha256(photos[2])};

        // evidence add, with the server stopped
        Path file = dir.resolve("sheet.jpg");
        Files.write(file, photos[0]);
        var added = CliTest.run(
                "evidence",
                "add",
                "--data",
                data.toString(),
                "--source",
                "party-a",
                "--station",
                stations.get(0),
                "--contest",
                "C1",
                file.toString());
        assertThat(added.code()).as(added.err()).isZero();

        serve(data);
        assertThat(status().get("photos")).isEqualTo(1L);
        // the API, while the server runs
        var api = send(HttpRequest.newBuilder(uri("/api/evidence?station=" + stations.get(1) + "&contest=C1"))
                .header("Authorization", "Bearer " + witness)
                .header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(photos[1]))
                .build());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        // the upload page
        String boundary = "vt" + seed;
        var page = send(HttpRequest.newBuilder(uri("/en/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(
                        boundary, Map.of("token", witness, "station", stations.get(2), "contest", "C1"), photos[2])))
                .build());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(201);
        var s = status();
        assertThat(s.get("photos")).isEqualTo(3L);
        assertThat(JsonTree.asList(s.get("openByWork"))).containsExactly(3L, 0L, 0L);

        // filing order: the photo of evidence add first; vol-0 types it
        var task = next(vol[0]);
        assertThat(task.get("photo")).isEqualTo(sha[0]);
        assertThat(task.get("contest")).isEqualTo("C1");
        List<Object> choices = JsonTree.asList(task.get("choices"));
        StringBuilder votes = new StringBuilder();
        for (int i = 0; i < choices.size(); i++)
            votes.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(JsonTree.asObject(choices.get(i)).get("id"))
                    .append("\":")
                    .append(i + 1);
        String figures = "{\"station\":\"" + stations.get(0) + "\",\"contest\":\"C1\",\"source\":\"party-a\","
                + "\"evidence\":\"" + sha[0] + "\",\"counts\":{\"valid\":6,\"null\":0},\"votes\":{" + votes
                + "},\"confirmed\":[]}";
        var submitted = send(HttpRequest.newBuilder(uri("/api/transcribe/submit"))
                .header("Authorization", "Bearer " + vol[0])
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(figures))
                .build());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

        restart(data);
        s = status();
        assertThat(s.get("photos")).isEqualTo(3L);
        assertThat(JsonTree.asList(s.get("openByWork"))).containsExactly(2L, 1L, 0L);
        assertThat(next(vol[1]).get("photo"))
                .as("one transcription before none")
                .isEqualTo(sha[0]);
        assertThat(next(vol[0]).get("photo"))
                .as("never the photo it typed; then filing order")
                .isEqualTo(sha[1]);
    }
}
