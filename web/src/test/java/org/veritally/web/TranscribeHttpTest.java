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
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.evidence.Filing;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.ops.OpsConfig;
import org.veritally.testkit.Seeds;
import org.veritally.web.i18n.Lang;

/**
 * The transcription page over real HTTP on loopback, without JavaScript (plain form posts, as a browser
 * without script sends them): sign-in in every language, AUTH-TOKEN and AUTH-ROLE refusals; a task shows the
 * photo and an empty form of the contest's choices; figures that do not add up are refused with TR-CONFIRM
 * naming TS-SUM until confirmed; figures that add up are recorded and the page redirects (303) to the next
 * task; two volunteers typing the same figures make the agreed copy; a flag button records a flag.
 * The tests share one queue, so they run in order: the flag comes after the agreement.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TranscribeHttpTest {
    @TempDir
    static Path dir;

    static Instance in;
    static ApiServer server;
    static String witness;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String STATION = SampleElection.DISPUTED_2;

    @BeforeAll
    static void start() throws Exception {
        in = Instance.open(dir);
        SampleElection.load(in);
        witness = in.accounts()
                .create("wit-tr", Role.WITNESS, "party-a", Optional.empty())
                .token();
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

    static String file(String station, long seed) {
        byte[] photo = PhonePhotos.of(station, seed);
        var f = in.evidenceIntake()
                .file(photo, new Filing(station, Optional.of("C1"), "party-a", "wit-tr", Optional.empty()), "photo");
        assertThat(f.accepted()).as(f.problems().toString()).isTrue();
        return PhonePhotos.sha256(photo);
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

    static HttpResponse<String> post(String lang, String cookie, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/" + lang + "/transcribe"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!cookie.isEmpty()) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with {@code token}: the session cookie ({@code name=value}). */
    static String signIn(String token) throws Exception {
        var r = post("en", "", Map.of("do", "signin", "token", token));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/en/transcribe");
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).contains("HttpOnly").contains("SameSite=Strict");
        return set.substring(0, set.indexOf(';'));
    }

    /** The figures of P9's C1 sheet as a form: votes on each line, valid, null. */
    static Map<String, String> figures(String photo, long[] votes, long valid, boolean confirm) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("do", "submit");
        m.put("photo", photo);
        m.put("station", STATION);
        m.put("source", "party-a");
        m.put("contest", "C1");
        for (int i = 0; i < votes.length; i++) m.put("v.C1-L" + (i + 1), Long.toString(votes[i]));
        m.put("valid", Long.toString(valid));
        m.put("null", "3");
        if (confirm) m.put("confirm", "yes");
        return m;
    }

    @Test
    @Order(1)
    void theSignInFormIsThereInEveryLanguageAndRefusesBadTokensByRule() throws Exception {
        for (Lang l : Lang.values()) {
            var r = get("/" + l.code() + "/transcribe", "");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(r.body())
                    .contains("<html lang=\"" + l.code() + "\">")
                    .contains("action=\"/" + l.code() + "/transcribe\"")
                    .contains("type=\"password\"");
        }
        var bad = post("es", "", Map.of("do", "signin", "token", "not-a-token"));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("AUTH-TOKEN");
        var witnessSignsIn = post("en", "", Map.of("do", "signin", "token", witness));
        assertThat(witnessSignsIn.statusCode()).isEqualTo(403);
        assertThat(witnessSignsIn.body()).contains("AUTH-ROLE");
        var noSession = post("en", "", Map.of("do", "submit"));
        assertThat(noSession.statusCode()).isEqualTo(401);
        assertThat(noSession.body()).contains("AUTH-TOKEN").contains("type=\"password\"");
    }

    @Test
    @Order(2)
    void twoVolunteersTypeAPhotoWithoutScriptAndTheCopyIsAgreed() throws Exception {
        String photo = file(STATION, Seeds.seed("transcribe-http-photo", 5));
        String ann = signIn(volunteer("vol-ann"));
        var task = get("/pt/transcribe", ann);
        assertThat(task.statusCode()).isEqualTo(200);
        assertThat(task.body())
                .contains("name=\"photo\" value=\"" + photo + "\"")
                .contains("name=\"v.C1-L1\"")
                .contains("inputmode=\"numeric\"")
                .contains("autofocus")
                .contains("src=\"/evidence/")
                .contains("name=\"reason\" value=\"illegible\"")
                .doesNotContainPattern("name=\"v\\.C1-L1\"[^>]*value=\"[0-9]");
        long[] votes = {40, 30, 20, 10, 5};
        var wrongSum = post("en", ann, figures(photo, votes, 100, false));
        assertThat(wrongSum.statusCode()).isEqualTo(422);
        assertThat(wrongSum.body())
                .contains("TR-CONFIRM")
                .contains("TS-SUM")
                .contains("name=\"confirm\"")
                .contains("value=\"40\"");
        long before = in.state().logSize();
        var ok = post("en", ann, figures(photo, votes, 105, false));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains("/en/transcribe?done=" + before);
        assertThat(get("/en/transcribe?done=" + before, ann).body())
                .contains("Recorded at log index " + before)
                .contains("id=\"tr-none\"");

        String bob = signIn(volunteer("vol-bob"));
        assertThat(get("/en/transcribe", bob).body()).contains(photo);
        var agreed = post("en", bob, figures(photo, votes, 105, false));
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(303);
        var history = get("/api/stations/" + STATION + "/transcriptions", "").body();
        assertThat(history)
                .contains("\"status\":\"agreed\"")
                .contains("vol-ann")
                .contains("vol-bob");
    }

    @Test
    @Order(3)
    void aFlagButtonRecordsAFlag() throws Exception {
        String photo = file(SampleElection.HELD_BACK, Seeds.seed("transcribe-http-flag", 6));
        String cat = signIn(volunteer("vol-cat"));
        assertThat(get("/en/transcribe", cat).body()).contains(photo);
        long before = in.state().logSize();
        var r = post(
                "en",
                cat,
                Map.of(
                        "do", "flag",
                        "photo", photo,
                        "station", SampleElection.HELD_BACK,
                        "source", "party-a",
                        "contest", "C1",
                        "reason", "illegible"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(in.state().logSize()).isEqualTo(before + 1);
    }

    static Map<String, String> typed(String photo, String station, String action, long[] votes, long valid) {
        Map<String, String> m = figures(photo, votes, valid, false);
        m.put("station", station);
        m.put("do", action);
        return m;
    }

    @Test
    @Order(4)
    void aModeratorDecidesAnEscalatedPhotoAndTheStationPageShowsTheHistory() throws Exception {
        String station = "P3";
        String photo = file(station, Seeds.seed("transcribe-http-escalate", 8));
        long[] votes = {1, 2, 3, 4, 5};
        // two volunteers agree on figures that differ from party-a's own copy: TR-ESCALATE
        for (String v : List.of("vol-dan", "vol-eve")) {
            var r = post("en", signIn(volunteer(v)), typed(photo, station, "submit", votes, 15));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        }
        String mod = signIn(in.accounts()
                .create("mod-web", Role.MODERATOR, "", Optional.empty())
                .token());
        assertThat(get("/en/moderate", "").body()).contains("name=\"next\" value=\"moderate\"");
        assertThat(get("/en/moderate", signIn(volunteer("vol-fay"))).statusCode())
                .isEqualTo(403);
        var page = get("/es/moderate", mod);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-photo=\"" + photo + "\"")
                .contains("vol-dan")
                .contains("vol-eve")
                .contains("value=\"settle\"");
        // party-a already has other figures for P3: the moderator cannot make these the copy (TR-SETTLE) ...
        var refused = httpModerate(mod, typed(photo, station, "settle", votes, 15));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("TR-SETTLE").contains("value=\"15\"");
        // ... and rejects the photo instead
        long before = in.state().logSize();
        Map<String, String> reject = typed(photo, station, "reject", votes, 15);
        reject.put("reason", "duplicate");
        var rejected = httpModerate(mod, reject);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(303);
        assertThat(rejected.headers().firstValue("Location")).contains("/en/moderate?done=" + before);
        assertThat(get("/en/moderate?done=" + before, mod).body())
                .contains("id=\"mo-done\"")
                .doesNotContain(photo);
        String other = signIn(in.accounts()
                .create("mod-two", Role.MODERATOR, "", Optional.empty())
                .token());
        var again = httpModerate(other, typed(photo, station, "settle", votes, 15));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("TR-SETTLE");

        String stationPage = get("/en/station/" + station, "").body();
        assertThat(stationPage)
                .contains("id=\"transcriptions\"")
                .contains("data-status=\"rejected\"")
                .contains("typed by 3 people")
                .contains("vol-dan")
                .contains("mod-web (moderator)");
    }

    @Test
    @Order(5)
    void theCampaignPageShowsProgressAndEachVolunteersAgreementRate() throws Exception {
        var r = get("/en/campaign", "");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("data-count=\"agreed\">1<")
                .contains("data-count=\"rejected\">1<")
                .contains("data-account=\"vol-ann\">100 %")
                .contains("data-account=\"vol-bob\">100 %");
        for (Lang l : Lang.values())
            assertThat(get("/" + l.code() + "/campaign", "").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void trSignTheNoScriptPageSaysAnAccountWithAKeyCannotWorkThereAndLeasesNothing() throws Exception {
        String token = volunteer("vol-key");
        in.keyRegistry()
                .register(
                        in.accounts(),
                        "vol-key",
                        org.veritally.translog.NoteSigner.generate(
                                        "vol-key", org.veritally.translog.VerifierKey.TYPE_ED25519)
                                .verifierKey());
        String cookie = signIn(token);
        var r = get("/en/transcribe", cookie);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("id=\"tr-none\"")
                .contains("TR-SIGN")
                .contains("transcribe submit --key")
                .doesNotContain("name=\"valid\"");
        for (Lang l : Lang.values())
            assertThat(get("/" + l.code() + "/transcribe", cookie).body()).contains("TR-SIGN");
        var refused = post("en", cookie, figures(file(STATION, 77), new long[] {1, 1, 1, 0, 0}, 3, false));
        assertThat(refused.statusCode())
                .as("an unsigned form post is refused by the rulebook")
                .isEqualTo(422);
        assertThat(refused.body()).contains("TR-SIGN");
    }

    static HttpResponse<String> httpModerate(String cookie, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/en/moderate"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
