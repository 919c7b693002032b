package org.veritally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.evidence.Filing;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.ops.OpsConfig;
import org.veritally.testkit.Seeds;

/**
 * A photo filed with no contest in an election of two (docs/transcription.md#a-photo-filed-with-no-contest), over
 * real HTTP: the API's task has an empty {@code contest} and both contests with their choices; the page (no
 * script) first asks which contest the sheet is of, then shows that contest's form for the same task; the contest
 * is one of the figures that must agree, so a volunteer who types the photo as C2 does not agree with two who
 * type it as C1, and those two make party-a's C1 copy (TR-AGREE).
 */
class ContestChoiceHttpTest {
    @TempDir
    static Path dir;

    static Instance in;
    static ApiServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String STATION = SampleElection.DISPUTED_2; // party-a has no C1 copy of it

    @BeforeAll
    static void start() throws Exception {
        in = Instance.open(dir);
        SampleElection.load(in);
        in.accounts().create("wit-cc", Role.WITNESS, "party-a", Optional.empty());
        server = new ApiServer(
                        in,
                        WriteToken.load(dir),
                        List.of(new WebSite(in)),
                        OpsConfig.defaults().withRequestLog(false))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (in != null) in.close();
    }

    static String volunteer(String name) {
        return in.accounts()
                .create(name, Role.TRANSCRIBER, "", Optional.empty())
                .token();
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (!cookie.isEmpty()) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> api(String path, String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> form(String cookie, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/en/transcribe"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!cookie.isEmpty()) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String signIn(String token) throws Exception {
        var r = form("", Map.of("do", "signin", "token", token));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    /** The figures of the photo as {@code contest}: {@code 10·(i+1)} votes on line i, 2 null. */
    static String figures(String photo, String contest, List<String> choices) {
        StringBuilder votes = new StringBuilder();
        long valid = 0;
        for (int i = 0; i < choices.size(); i++) {
            votes.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(choices.get(i))
                    .append("\":")
                    .append(10 * (i + 1));
            valid += 10 * (i + 1);
        }
        return "{\"station\":\"" + STATION + "\",\"contest\":\"" + contest + "\",\"source\":\"party-a\","
                + "\"evidence\":\"" + photo + "\",\"counts\":{\"valid\":" + valid + ",\"null\":2},\"votes\":{" + votes
                + "},\"confirmed\":[]}";
    }

    @Test
    void theVolunteerChoosesTheContestAndTheContestIsPartOfTheAgreement() throws Exception {
        byte[] photo = PhonePhotos.of(STATION, Seeds.seed("contest-choice-photo", 41));
        var filed = in.evidenceIntake()
                .file(photo, new Filing(STATION, Optional.empty(), "party-a", "wit-cc", Optional.empty()), "photo");
        assertThat(filed.accepted()).as(filed.problems().toString()).isTrue();
        String sha = PhonePhotos.sha256(photo);

        // the API: no contest, both contests with their choices
        String cy = volunteer("vol-cy");
        var next = api("/api/transcribe/next", cy, "");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        Map<String, Object> task = JsonTree.asObject(JsonTree.parse(next.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(task.get("photo")).isEqualTo(sha);
        assertThat(task.get("contest")).isEqualTo("");
        assertThat(JsonTree.asList(task.get("choices"))).isEmpty();
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (Object c : JsonTree.asList(task.get("contests"))) {
            var m = JsonTree.asObject(c);
            choices.put(
                    (String) m.get("id"),
                    JsonTree.asList(m.get("choices")).stream()
                            .map(x -> (String) JsonTree.asObject(x).get("id"))
                            .toList());
        }
        assertThat(choices.keySet()).containsExactly("C1", "C2");
        assertThat(choices.get("C2")).isNotEmpty().allMatch(id -> id.startsWith("C2-"));
        // cy types it as C2
        var asC2 = api("/api/transcribe/submit", cy, figures(sha, "C2", choices.get("C2")));
        assertThat(asC2.statusCode()).as(asC2.body()).isEqualTo(201);
        assertThat(asC2.body()).doesNotContain("TR-AGREE");

        // the page: which contest first, then that contest's form for the same task
        String di = signIn(volunteer("vol-di"));
        var ask = get("/en/transcribe", di);
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body())
                .contains("id=\"tr-contests\"")
                .contains("name=\"contest\" value=\"C1\"")
                .contains("name=\"contest\" value=\"C2\"")
                .contains("Station " + STATION + ", sent by party-a<")
                .contains("name=\"reason\" value=\"illegible\"")
                .doesNotContain("name=\"valid\"");
        assertThat(get("/en/transcribe?contest=C9", di).body())
                .as("not a contest of the election: asked again")
                .contains("id=\"tr-contests\"");
        var c1 = get("/en/transcribe?contest=C1", di);
        assertThat(c1.body())
                .contains("name=\"photo\" value=\"" + sha + "\"")
                .contains("name=\"contest\" value=\"C1\"")
                .contains("name=\"v.C1-L1\"")
                .contains("id=\"tr-contest-change\"")
                .doesNotContain("id=\"tr-contests\"");
        for (String lang : List.of("es", "id", "pt"))
            assertThat(get("/" + lang + "/transcribe", di).body()).contains("id=\"tr-contests\"");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("do", "submit");
        typed.put("photo", sha);
        typed.put("station", STATION);
        typed.put("source", "party-a");
        typed.put("contest", "C1");
        long valid = 0;
        for (int i = 0; i < choices.get("C1").size(); i++) {
            typed.put("v." + choices.get("C1").get(i), Long.toString(10 * (i + 1)));
            valid += 10 * (i + 1);
        }
        typed.put("valid", Long.toString(valid));
        typed.put("null", "2");
        var sent = form(di, typed);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);

        // a third types it as C1 with the same figures: two of three agree, C2 was the odd one out
        String ed = volunteer("vol-ed");
        assertThat(api("/api/transcribe/next", ed, "").body()).contains(sha);
        var agreed = api("/api/transcribe/submit", ed, figures(sha, "C1", choices.get("C1")));
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(201);
        assertThat(agreed.body()).contains("TR-AGREE").contains(STATION + "/C1");
        assertThat(get("/api/stations/" + STATION + "/transcriptions", "").body())
                .contains("\"status\":\"agreed\"");
    }
}
