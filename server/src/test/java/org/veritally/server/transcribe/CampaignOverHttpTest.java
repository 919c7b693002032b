package org.veritally.server.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;

/**
 * A served campaign over real HTTP on loopback (docs/transcription.md): gold photos set by an administrator
 * ({@code POST /api/campaign/gold}) are mixed into the work queue, and a volunteer who types a lie on them is
 * paused while an honest one is not; reports from any account fold per account and take a photo out of the
 * queue at the election's threshold, and a moderator returns it; a moderator lifts a pause.
 */
class CampaignOverHttpTest {
    static final int PHOTOS = 30;
    static final int GOLD = 10;

    @TempDir
    Path dir;

    Instance in;
    ApiServer api;
    String admin;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        in = Fixtures.defined(dir, new SyntheticElection(200, 1, 3, 3, 8).definition());
        api = new ApiServer(in, WriteToken.load(dir)).start("127.0.0.1", 0);
        admin = Files.readString(dir.resolve(WriteToken.FILE)).strip();
        in.accounts().create("cne", Role.AUTHORITY, "authority", Optional.empty());
        for (int i = 0; i < PHOTOS; i++) {
            var ev = new Evidence(
                    new Blob(sha(i), 1000, "image/jpeg"),
                    Optional.empty(),
                    "P" + (100 + i),
                    Optional.of("C1"),
                    "authority",
                    "cne",
                    Optional.empty(),
                    java.util.OptionalLong.empty(),
                    List.of());
            assertThat(in.submitEntry(new EvidenceEntry(ev), "cne", "photo").rejected())
                    .isEmpty();
        }
    }

    @AfterEach
    void stop() {
        if (api != null) api.close();
        if (in != null) in.close();
    }

    static String sha(int i) {
        return String.format("%064x", 0xfeed00 + i);
    }

    static String figures(int photo, long a, long b, long c) {
        return "{\"station\":\"P" + (100 + photo) + "\",\"contest\":\"C1\",\"source\":\"authority\",\"evidence\":\""
                + sha(photo) + "\",\"counts\":{\"valid\":" + (a + b + c) + ",\"null\":0},\"votes\":{\"C1-L1\":" + a
                + ",\"C1-L2\":" + b + ",\"C1-L3\":" + c + "}}";
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!token.isEmpty()) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    Map<String, Object> json(HttpResponse<String> r) throws Exception {
        return JsonTree.asObject(JsonTree.parse(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    Map<String, Object> status() throws Exception {
        var r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/campaign/status"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json(r);
    }

    String token(String id, Role role) {
        return in.accounts().create(id, role, "", Optional.empty()).token();
    }

    /** Gold: the first {@link #GOLD} photos, all 10/10/10; one task in two is gold, judged after three. */
    void setGold() throws Exception {
        StringBuilder photos = new StringBuilder();
        for (int i = 0; i < GOLD; i++) photos.append(i == 0 ? "" : ",").append(figures(i, 10, 10, 10));
        var r = post(
                "/api/campaign/gold",
                admin,
                "{\"goldEvery\":2,\"goldMinimum\":3,\"pauseBelowPercent\":60,\"photos\":[" + photos + "]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    /** {@code account} works until it is refused or has nothing to do; the number of tasks it submitted. */
    int work(String token, boolean lies) throws Exception {
        int done = 0;
        for (int n = 0; n < 40; n++) {
            var next = post("/api/transcribe/next", token, "");
            if (next.statusCode() != 200) return done;
            var task = json(next);
            assertThat(task).as("a task never shows figures").doesNotContainKeys("votes", "counts", "figures");
            int photo = Integer.parseInt(((String) task.get("station")).substring(1)) - 100;
            var sub =
                    post("/api/transcribe/submit", token, lies ? figures(photo, 30, 0, 0) : figures(photo, 10, 10, 10));
            assertThat(sub.statusCode()).as(sub.body()).isIn(200, 201);
            assertThat(sub.statusCode())
                    .as("a gold answer is scored, not written (photo " + photo + ")")
                    .isEqualTo(photo < GOLD ? 200 : 201);
            done++;
        }
        return done;
    }

    @Test
    void goldTasksInAServedInstancePauseAVolunteerWhoTypesALieAndNotAnHonestOne() throws Exception {
        setGold();
        String liar = token("liar", Role.TRANSCRIBER);
        String honest = token("honest", Role.TRANSCRIBER);
        int lied = work(liar, true);
        var refused = post("/api/transcribe/next", liar, "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("TR-PAUSED");
        assertThat(lied)
                .as("paused after its third gold answer, one task in two")
                .isLessThanOrEqualTo(6);
        work(honest, false);
        assertThat(post("/api/transcribe/next", honest, "").statusCode()).isIn(200, 204);
        assertThat(in.state().transcriptions().paused("honest")).isFalse();
        assertThat(in.state().transcriptions().paused("liar")).isTrue();
        var st = status();
        assertThat(st.get("paused")).isEqualTo(List.of("liar"));
        assertThat(st.toString()).as("the status names no gold figures").doesNotContain("C1-L1");
        List<String> kinds = new ArrayList<>();
        in.store()
                .query(
                        "SELECT kind, body FROM log_entry WHERE kind = 'transcriber-pause'",
                        List.of(),
                        rs -> kinds.add(org.veritally.store.Store.getString(rs, 2)));
        assertThat(kinds).singleElement().asString().contains("\"account\":\"liar\"", "\"by\":\"server\"");
    }

    @Test
    void theGoldSetIsKeptOwnerOnlyAndReadAgainWhenTheDirectoryIsReopened() throws Exception {
        setGold();
        Path f = dir.resolve(GoldSet.FILE);
        assertThat(f).exists();
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix"))
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .isEqualTo("rw-------");
        assertThat(in.transcription().goldPhotos()).isEqualTo(GOLD);
        api.close();
        in.close();
        in = Instance.open(dir);
        api = null;
        assertThat(in.transcription().goldPhotos()).isEqualTo(GOLD);
        assertThat(in.transcription().config().goldEvery()).isEqualTo(2);
    }

    @Test
    void aGoldSetNamingAPhotoNotFiledIsRefusedWithTrPhoto() throws Exception {
        String unfiled = figures(0, 10, 10, 10).replace(sha(0), sha(999));
        var r = post("/api/campaign/gold", admin, "{\"photos\":[" + unfiled + "]}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("TR-PHOTO", "$.photos[0].evidence");
        var t = token("vol", Role.TRANSCRIBER);
        assertThat(post("/api/campaign/gold", t, "{\"photos\":[]}").statusCode())
                .isEqualTo(403);
    }

    String report(int photo, String reason) {
        return "{\"photo\":\"" + sha(photo) + "\",\"station\":\"P" + (100 + photo)
                + "\",\"source\":\"authority\",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void trReportReportsOfThreeAccountsFoldAndTakeThePhotoOutOfTheQueueUntilAModeratorReturnsIt() throws Exception {
        String witness = in.accounts()
                .create("wit", Role.WITNESS, "party-a", Optional.empty())
                .token();
        String vol = token("vol", Role.TRANSCRIBER);
        String auditor = token("aud", Role.AUDITOR);
        String mod = token("mod", Role.MODERATOR);
        assertThat(post("/api/photos/report", witness, report(5, "illegible")).statusCode())
                .isEqualTo(201);
        var again = post("/api/photos/report", witness, report(5, "duplicate"));
        assertThat(json(again).get("index"))
                .as("the same account's second report folds into its first")
                .isEqualTo(json(post("/api/photos/report", witness, report(5, "illegible")))
                        .get("index"));
        assertThat(post("/api/photos/report", vol, report(5, "illegible")).statusCode())
                .isEqualTo(201);
        assertThat(post("/api/photos/report", "", report(5, "illegible")).statusCode())
                .isEqualTo(401);
        var other = post("/api/photos/report", auditor, report(5, "other"));
        assertThat(other.statusCode()).as("another reason says which").isEqualTo(422);
        var third =
                post("/api/photos/report", auditor, report(5, "other").replace("}", ",\"text\":\"a photo of a cat\"}"));
        assertThat(third.body()).contains("TR-REPORT");
        var st = status();
        @SuppressWarnings("unchecked")
        var reports = (List<Map<String, Object>>) st.get("reports");
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.get("accounts")).isEqualTo(3L);
            assertThat(r.get("status")).isEqualTo("reported");
            assertThat(r.get("reasons")).isEqualTo(Map.of("illegible", 2L, "other", 1L));
            assertThat(r.get("texts")).isEqualTo(List.of("a photo of a cat"));
        });
        // the photo is out of the queue: nobody gets it
        String worker = token("worker", Role.TRANSCRIBER);
        for (int n = 0; n < PHOTOS; n++) {
            var next = post("/api/transcribe/next", worker, "");
            if (next.statusCode() != 200) break;
            var task = json(next);
            assertThat(task.get("photo")).isNotEqualTo(sha(5));
            int p = Integer.parseInt(((String) task.get("station")).substring(1)) - 100;
            post("/api/transcribe/flag", worker, report(p, "illegible"));
        }
        String back = "{\"photo\":\"" + sha(5) + "\",\"station\":\"P105\",\"source\":\"authority\",\"text\":\"fine\"}";
        assertThat(post("/api/moderate/return", vol, back).statusCode()).isEqualTo(403);
        var returned = post("/api/moderate/return", mod, back);
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(201);
        assertThat(returned.body()).contains("TR-RETURN");
        assertThat(post("/api/moderate/return", mod, back).body()).contains("TR-SETTLE");
        var next = post("/api/transcribe/next", worker, "");
        assertThat(json(next).get("photo")).as("back in the queue").isEqualTo(sha(5));
    }

    @Test
    void trLiftAModeratorLiftsAPauseAndTheAccountWorksAgain() throws Exception {
        String vol = token("vol", Role.TRANSCRIBER);
        String mod = token("mod", Role.MODERATOR);
        String lift = "{\"account\":\"vol\",\"reason\":\"spoke with them\"}";
        assertThat(post("/api/moderate/lift", mod, lift).body()).contains("TR-LIFT");
        assertThat(post("/api/moderate/pause", mod, "{\"account\":\"vol\",\"reason\":\"odd\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(post("/api/transcribe/next", vol, "").statusCode()).isEqualTo(403);
        assertThat(post("/api/moderate/lift", vol, lift).statusCode()).isEqualTo(403);
        assertThat(post("/api/moderate/lift", mod, lift).statusCode()).isEqualTo(201);
        assertThat(post("/api/transcribe/next", vol, "").statusCode()).isEqualTo(200);
    }
}
