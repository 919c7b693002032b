package org.veritally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.ops.OpsConfig;
import org.veritally.testkit.Seeds;
import org.veritally.web.i18n.Lang;

/**
 * The upload page over real HTTP on loopback, wired as the app wires it: the form in every language;
 * a witness files a phone photo (over the 64 KiB limit of other paths) and gets the receipt; the station
 * page then shows it, lazily, with its size; refusals are 4xx pages naming each rule (AUTH-TOKEN,
 * IN-FIELD, EV-TYPE, EV-STATION) and leave the log as it was; other paths keep the small body limit.
 */
class UploadHttpTest {
    @TempDir
    static Path dir;

    static Instance in;
    static ApiServer server;
    static String witness;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        in = Instance.open(dir);
        SampleElection.load(in);
        witness = in.accounts()
                .create("wit-web", Role.WITNESS, "party-a", Optional.empty())
                .token();
        var log = new org.veritally.server.log.LogRoutes(
                in.store(), in.keys(), org.veritally.server.log.Witnesses.load(dir));
        server = new ApiServer(
                        in,
                        WriteToken.load(dir),
                        List.of(log, new WebSite(in)),
                        OpsConfig.defaults().withRequestLog(false))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (in != null) in.close();
    }

    static byte[] phonePhoto(String station, long seed) {
        return PhonePhotos.of(station, seed);
    }

    static String sha256(byte[] b) {
        return PhonePhotos.sha256(b);
    }

    static HttpResponse<String> post(String lang, MultipartForm form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/" + lang + "/upload"))
                        .header("Content-Type", MultipartForm.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theFormIsThereInEveryLanguage() throws Exception {
        for (Lang l : Lang.values()) {
            var r = get("/" + l.code() + "/upload");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(text(r))
                    .contains("<html lang=\"" + l.code() + "\">")
                    .contains("action=\"/" + l.code() + "/upload\" enctype=\"multipart/form-data\"")
                    .contains("type=\"password\"")
                    .contains("capture=\"environment\"")
                    .contains("<option value=\"C2\">");
        }
        assertThat(text(get("/en/"))).contains("href=\"/en/upload\"");
    }

    @Test
    void aWitnessFilesAPhotoAndTheStationPageShowsIt() throws Exception {
        long seed = Seeds.seed("upload-http-photo", 11);
        byte[] photo = phonePhoto(SampleElection.CORRECTED, seed);
        assertThat(photo.length).as("larger than the 64 KiB other paths allow").isGreaterThan(64 * 1024);
        long before = in.state().logSize();
        var r = post(
                "en",
                new MultipartForm()
                        .field("token", witness)
                        .field("station", SampleElection.CORRECTED)
                        .field("contest", "C1")
                        .file("photo", "IMG_0001.jpg", "image/jpeg", photo));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(in.state().logSize()).isEqualTo(before + 1);
        assertThat(r.body())
                .contains("data-index=\"" + before + "\"")
                .contains("<code class=\"sha\">" + sha256(photo) + "</code>")
                .contains("<pre class=\"proof\">");
        var m = Pattern.compile("<code class=\"psha\">([0-9a-f]{64})</code>").matcher(r.body());
        assertThat(m.find()).isTrue();
        String pub = m.group(1);
        var image = get("/evidence/" + pub);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(sha256(image.body())).isEqualTo(pub);

        String page = text(get("/es/station/" + SampleElection.CORRECTED));
        assertThat(page)
                .contains("class=\"thumb\"><img loading=\"lazy\"")
                .contains("src=\"/evidence/" + pub + "\"")
                .contains("width=\"480\" height=\"360\"")
                .contains(sha256(photo))
                .contains("Fotos de las actas")
                .doesNotContain("solo imagen");

        var gz = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + server.port() + "/es/station/" + SampleElection.CORRECTED))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf(
                "station page with a photo: %,d bytes HTML, %,d bytes gzip; photo %,d bytes, public copy %,d bytes"
                        + " (loaded lazily)%n",
                page.length(), gz.body().length, photo.length, image.body().length);
        assertThat(gz.body().length)
                .as("first view: the photos load lazily, the page carries only their addresses")
                .isLessThan(30_000);

        var again = post(
                "en",
                new MultipartForm()
                        .field("token", witness)
                        .field("station", SampleElection.CORRECTED)
                        .field("contest", "C1")
                        .file("photo", "IMG_0001.jpg", "image/jpeg", photo));
        assertThat(again.statusCode()).as("the same filing again is idempotent").isEqualTo(200);
        assertThat(in.state().logSize()).isEqualTo(before + 1);
    }

    @Test
    void aPhotoFromASourceWithoutASheetIsImageOnly() throws Exception {
        var r = post(
                "pt",
                new MultipartForm()
                        .field("token", witness)
                        .field("station", SampleElection.DISPUTED_2)
                        .field("contest", "C1")
                        .file("photo", "p.jpg", "image/jpeg", phonePhoto(SampleElection.DISPUTED_2, 5)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(text(get("/pt/station/" + SampleElection.DISPUTED_2))).contains("só imagem");
    }

    @Test
    void refusalsNameTheirRulesAndLeaveTheLogAsItWas() throws Exception {
        long before = in.state().logSize();
        byte[] photo = phonePhoto("X", 3);
        var noToken = post(
                "en",
                new MultipartForm()
                        .field("token", "nope")
                        .field("station", "P3")
                        .file("photo", "a.jpg", "image/jpeg", photo));
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).contains("<strong>AUTH-TOKEN</strong>").doesNotContain("nope");
        var missing = post("en", new MultipartForm().field("token", witness).field("station", " "));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body())
                .contains("IN-FIELD</strong> <span class=\"muted\">station")
                .contains("IN-FIELD</strong> <span class=\"muted\">photo");
        var html = post(
                "en",
                new MultipartForm()
                        .field("token", witness)
                        .field("station", "P3")
                        .file(
                                "photo",
                                "sheet.jpg",
                                "image/jpeg",
                                "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(html.statusCode()).isEqualTo(422);
        assertThat(html.body()).contains("<strong>EV-TYPE</strong>").contains("value=\"P3\"");
        var station = post(
                "id",
                new MultipartForm()
                        .field("token", witness)
                        .field("station", "NO-SUCH")
                        .file("photo", "a.jpg", "image/jpeg", photo));
        assertThat(station.statusCode()).isEqualTo(422);
        assertThat(station.body()).contains("<strong>EV-STATION</strong>");
        var notAForm = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/en/upload"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("station=P3"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notAForm.statusCode()).isEqualTo(401);
        assertThat(in.state().logSize()).as("nothing recorded").isEqualTo(before);
        for (var r : List.of(noToken, missing, html, station, notAForm))
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }

    @Test
    void otherPathsKeepTheSmallBodyLimit() throws Exception {
        byte[] photo = phonePhoto("X", 4);
        var r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/sheets"))
                        .header("Content-Type", MultipartForm.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new MultipartForm()
                                .file("photo", "a.jpg", "image/jpeg", photo)
                                .bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("SRV-SIZE");
    }
}
