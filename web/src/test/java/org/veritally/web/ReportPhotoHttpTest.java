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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.evidence.Filing;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.ops.OpsConfig;
import org.veritally.testkit.Seeds;
import org.veritally.web.i18n.Lang;

/**
 * Reports on photos, the moderator's answers and the volunteers' navigation over real HTTP without script
 * (docs/transcription.md#reports-on-photos): any account reports a photo from the station page's form (its
 * token in the form), three accounts take it out of the queue (TR-REPORT), the campaign page shows the reports
 * folded, the moderator's page lists the photo and returns it to the queue (TR-RETURN); a moderator lifts a
 * pause from the moderator's page (TR-LIFT); the signed-in pages link each other by role, in every language.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportPhotoHttpTest {
    @TempDir
    static Path dir;

    static Instance in;
    static ApiServer server;
    static String photo;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String STATION = SampleElection.DISPUTED_2;

    @BeforeAll
    static void start() throws Exception {
        in = Instance.open(dir);
        SampleElection.load(in);
        in.accounts().create("wit-rp", Role.WITNESS, "party-a", Optional.empty());
        byte[] bytes = PhonePhotos.of(STATION, Seeds.seed("report-http-photo", 9));
        var f = in.evidenceIntake()
                .file(bytes, new Filing(STATION, Optional.of("C1"), "party-a", "wit-rp", Optional.empty()), "photo");
        assertThat(f.accepted()).as(f.problems().toString()).isTrue();
        photo = PhonePhotos.sha256(bytes);
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

    static String account(String name, Role role) {
        return in.accounts().create(name, role, "", Optional.empty()).token();
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (!cookie.isEmpty()) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!cookie.isEmpty()) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String signIn(String token) throws Exception {
        var r = post("/en/transcribe", "", Map.of("do", "signin", "token", token));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    static Map<String, String> report(String token, String reason, String text) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("do", "report");
        m.put("photo", photo);
        m.put("station", STATION);
        m.put("source", "party-a");
        m.put("reason", reason);
        m.put("text", text);
        m.put("back", "/en/station/" + STATION);
        if (!token.isEmpty()) m.put("token", token);
        return m;
    }

    @Test
    @Order(1)
    void trReportAnyAccountReportsFromTheStationPageAndThreeTakeThePhotoOutOfTheQueue() throws Exception {
        var station = get("/en/station/" + STATION, "");
        assertThat(station.body())
                .contains("name=\"do\" value=\"report\"")
                .contains("name=\"photo\" value=\"" + photo + "\"")
                .contains("value=\"other\"");
        assertThat(post("/en/transcribe", "", report("", "illegible", "")).statusCode())
                .isEqualTo(401);
        String observer = in.accounts()
                .create("obs-rp", Role.OBSERVER, "observer-1", Optional.empty())
                .token();
        var first = post("/en/transcribe", "", report(observer, "illegible", ""));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("Report recorded at log index").contains("href=\"/en/station/" + STATION);
        var noText = post("/en/transcribe", "", report(account("aud-rp", Role.AUDITOR), "other", ""));
        assertThat(noText.statusCode()).isEqualTo(422);
        assertThat(noText.body()).contains("IN-FIELD");
        assertThat(post("/en/transcribe", "", report(account("aud-rp2", Role.AUDITOR), "other", "a cat"))
                        .statusCode())
                .isEqualTo(200);
        String vol = signIn(account("vol-rp", Role.TRANSCRIBER));
        var third = post("/en/transcribe", vol, report("", "illegible", ""));
        assertThat(third.statusCode()).isEqualTo(200);
        var key = new PhotoKey(photo, STATION, "party-a");
        assertThat(in.state().transcriptions().photo(key).orElseThrow().status().wire())
                .isEqualTo("reported");
        assertThat(get("/en/transcribe", vol).body()).as("out of the queue").doesNotContain(photo);
        var campaign = get("/es/campaign", "").body();
        assertThat(campaign)
                .contains("Fotos reportadas")
                .contains("Ilegible × 2")
                .contains("Otro (indique cuál) × 1");
    }

    @Test
    @Order(2)
    void trReturnTheModeratorsPageListsTheReportedPhotoAndReturnsItToTheQueue() throws Exception {
        String mod = signIn(account("mod-rp", Role.MODERATOR));
        var page = get("/en/moderate", mod).body();
        assertThat(page)
                .contains("id=\"mo-reported\"")
                .contains("data-photo=\"" + photo + "\"")
                .contains("Reported by 3 accounts")
                .contains("a cat")
                .contains("name=\"do\" value=\"return\"");
        var back = post(
                "/en/moderate",
                mod,
                Map.of("do", "return", "photo", photo, "station", STATION, "source", "party-a", "text", "legible"));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        assertThat(get("/en/moderate", mod).body()).doesNotContain("id=\"mo-reported\"");
        String vol = signIn(account("vol-rp2", Role.TRANSCRIBER));
        assertThat(get("/en/transcribe", vol).body()).as("back in the queue").contains(photo);
    }

    @Test
    @Order(3)
    void trLiftAModeratorLiftsAPauseFromTheModeratorsPage() throws Exception {
        in.transcription().pause("mod-rp", "vol-rp", "typed a fixed lie");
        String mod = signIn(in.accounts()
                .create("mod-rp3", Role.MODERATOR, "", Optional.empty())
                .token());
        var page = get("/en/moderate", mod).body();
        assertThat(page).contains("id=\"mo-paused\"").contains("name=\"account\" value=\"vol-rp\"");
        var lifted = post("/en/moderate", mod, Map.of("do", "lift", "account", "vol-rp", "reason", "checked"));
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(303);
        assertThat(in.state().transcriptions().paused("vol-rp")).isFalse();
        var again = post("/en/moderate", mod, Map.of("do", "lift", "account", "vol-rp", "reason", "checked"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("TR-LIFT");
    }

    @Test
    @Order(4)
    void theSignedInPagesLinkEachOtherByRoleInEveryLanguage() throws Exception {
        String vol = signIn(account("vol-nav", Role.TRANSCRIBER));
        String mod = signIn(account("mod-nav", Role.MODERATOR));
        for (Lang l : Lang.values()) {
            String v = get("/" + l.code() + "/transcribe", vol).body();
            assertThat(v)
                    .contains("class=\"work\"")
                    .contains("href=\"/" + l.code() + "/campaign\"")
                    .doesNotContain("href=\"/" + l.code() + "/moderate\"");
            String m = get("/" + l.code() + "/transcribe", mod).body();
            assertThat(m).contains("href=\"/" + l.code() + "/moderate\"");
            String mp = get("/" + l.code() + "/moderate", mod).body();
            assertThat(mp).contains("class=\"work\"").contains("href=\"/" + l.code() + "/transcribe\"");
        }
        assertThat(get("/id/campaign", "").body())
                .as("the public pages link the transcription page from the footer")
                .contains("href=\"/id/transcribe\"");
    }
}
