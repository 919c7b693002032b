package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.app.VerifyFixture.run;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;

/**
 * Issue 8: a static mirror ({@code publish --site}) passes {@code verify} from a directory and
 * served by a plain static file server ({@link #staticFileServer}), and one edited number
 * on one page, or in one export, fails it with a check ID and both values. The election: 60
 * generated stations, an authority and a party's witnesses, one station disputed. Each test edits a
 * fresh copy of the mirror.
 */
class MirrorVerifyTest {
    @TempDir
    static Path shared;

    static Path data;
    static Path site;

    @TempDir
    Path dir;

    Path mirror;

    @BeforeAll
    static void publishOnce() throws IOException {
        var g = VerifyFixture.generate(shared, 60, 11);
        data = shared.resolve("data");
        VerifyFixture.define(data, g);
        VerifyFixture.importSheets(data, g.authority());
        // the party's copy of the first station moves one vote from line 1 to line 2: a dispute
        List<String> w = new ArrayList<>(Files.readAllLines(g.witness()));
        String[] cells = w.get(1).split(",");
        cells[16] = Long.toString(Long.parseLong(cells[16]) - 1);
        cells[17] = Long.toString(Long.parseLong(cells[17]) + 1);
        w.set(1, String.join(",", cells));
        Files.write(g.witness(), w);
        VerifyFixture.importSheets(data, g.witness());
        site = shared.resolve("site");
        VerifyFixture.ok(
                "publish", "--data", data.toString(), "--out", site.toString(), "--site", "--languages", "es,en");
    }

    @BeforeEach
    void copy() throws IOException {
        mirror = dir.resolve("mirror");
        VerifyFixture.copyTree(site, mirror);
    }

    VerifyFixture.Run verify(String where) {
        return run("verify", where, "--key", VerifyFixture.key(data).toString());
    }

    /** Replaces the first occurrence of a regex in a file of the mirror; returns the text replaced. */
    String edit(String path, String regex, java.util.function.Function<Matcher, String> by) throws IOException {
        Path f = mirror.resolve(path);
        String s = Files.readString(f);
        Matcher m = Pattern.compile(regex).matcher(s);
        assertThat(m.find()).as(regex + " in " + path).isTrue();
        Files.writeString(f, s.substring(0, m.start()) + by.apply(m) + s.substring(m.end()));
        return m.group();
    }

    /** The visible number with its last digit changed, formatting kept. */
    static String bump(String text) {
        int i = text.length() - 1;
        while (!Character.isDigit(text.charAt(i))) i--;
        return text.substring(0, i) + (char) ('0' + (text.charAt(i) - '0' + 1) % 10) + text.substring(i + 1);
    }

    /** What a careful forger does after an edit: puts the file's new hash in the manifest. */
    void rehash(String path) throws Exception {
        Path mf = mirror.resolve("manifest.json");
        Map<String, Object> m = JsonTree.asObject(JsonTree.parse(Files.readAllBytes(mf)));
        Map<String, Object> files = JsonTree.asObject(m.get("files"));
        files.put(
                path,
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(mirror.resolve(path)))));
        Files.write(mf, CanonicalJson.encode(m));
    }

    @Test
    void aCleanMirrorVerifiesWithTheSiteChecks() {
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        for (String id : List.of("VFY-TOTALS", "VFY-MANIFEST", "VFY-PAGES", "VFY-EXPORTS"))
            assertThat(r.status(id)).as(id + "\n" + r).isEqualTo("ok");
        assertThat(r.out()).contains("figures on").contains("export(s) written again from the log, byte for byte");
    }

    @Test
    void oneNumberEditedOnOnePageFailsVfyPagesWithBothValues() throws Exception {
        String was = edit(
                "es/unit/C1/official/N.html",
                "data-vt=\"t\\|N\\|C1\\|official\\|valid\" data-v=\"(\\d+)\">([^<]+)<",
                m -> m.group().replace(">" + m.group(2) + "<", ">" + bump(m.group(2)) + "<"));
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.status("VFY-PAGES")).isEqualTo("FAIL");
        assertThat(r.status("VFY-MANIFEST")).isEqualTo("FAIL");
        assertThat(r.status("VFY-TOTALS")).isEqualTo("ok");
        assertThat(r.out())
                .contains("PAGE-TEXT at es/unit/C1/official/N.html figure t|N|C1|official|valid")
                .contains("MAN-HASH at es/unit/C1/official/N.html")
                .contains("FAILED: VFY-MANIFEST, VFY-PAGES");
        assertThat(was).isNotEmpty();
    }

    @Test
    void aForgerWhoRehashesTheManifestIsStillCaughtByVfyPages() throws Exception {
        String station = "es/station/P0.html";
        edit(
                station,
                "data-vt=\"c\\|P0\\|C1\\|party-a\\|valid\" data-v=\"(\\d+)\">(\\d+)<",
                m -> m.group()
                        .replace("\"" + m.group(1) + "\"", "\"" + (Long.parseLong(m.group(1)) + 10) + "\"")
                        .replace(">" + m.group(2) + "<", ">" + (Long.parseLong(m.group(2)) + 10) + "<"));
        rehash(station);
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.status("VFY-MANIFEST")).as(r.toString()).isEqualTo("ok");
        assertThat(r.status("VFY-PAGES")).isEqualTo("FAIL");
        assertThat(r.out()).contains("PAGE-VALUE at es/station/P0.html figure c|P0|C1|party-a|valid");
        Matcher m = Pattern.compile("PAGE-VALUE at es/station/P0.html figure "
                        + "c\\|P0\\|C1\\|party-a\\|valid.*\\n\\s+expected (\\d+)\\n\\s+computed (\\d+)")
                .matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(Long.parseLong(m.group(1)) - Long.parseLong(m.group(2))).isEqualTo(10);
    }

    @Test
    void aFigureStrippedFromAPageFailsPageRequired() throws Exception {
        String page = "en/station/P3.html";
        Path f = mirror.resolve(page);
        Files.writeString(
                f, Files.readString(f).replaceAll(" data-vt=\"c\\|P3\\|C1\\|authority\\|valid\" data-v=\"\\d+\"", ""));
        rehash(page);
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("PAGE-REQUIRED at en/station/P3.html figure c|P3|C1|authority|valid");
    }

    @Test
    void aPageDeletedAndUnlistedFailsPageMissing() throws Exception {
        String page = "en/unit/C1/consensus/R0.html";
        Files.delete(mirror.resolve(page));
        Path mf = mirror.resolve("manifest.json");
        Map<String, Object> m = JsonTree.asObject(JsonTree.parse(Files.readAllBytes(mf)));
        JsonTree.asObject(m.get("files")).remove(page);
        Files.write(mf, CanonicalJson.encode(m));
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.status("VFY-MANIFEST")).isEqualTo("ok");
        assertThat(r.out()).contains("PAGE-MISSING at en/unit/C1/consensus/R0.html");
    }

    @Test
    void oneCellEditedInAnExportFailsVfyExportsWithLineAndColumn() throws Exception {
        Path csv = mirror.resolve("exports/station.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        List<String> header = List.of(lines.get(0).split(","));
        int valid = header.indexOf("valid");
        String[] cells = lines.get(5).split(",", -1);
        String station = cells[header.indexOf("station")];
        String before = cells[valid];
        cells[valid] = Long.toString(Long.parseLong(before) + 1);
        lines.set(5, String.join(",", cells));
        Files.write(csv, lines);
        rehash("exports/station.csv");
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.status("VFY-EXPORTS")).isEqualTo("FAIL");
        assertThat(r.status("VFY-PAGES")).isEqualTo("ok");
        assertThat(r.out())
                .contains("EXP-DIFF at exports/station.csv line 6 (station " + station + ") column valid")
                .contains("expected " + cells[valid])
                .contains("computed " + before);
    }

    @Test
    void aManifestBoundToAnotherTreeFailsVfyManifest() throws Exception {
        Path mf = mirror.resolve("manifest.json");
        Map<String, Object> m = JsonTree.asObject(JsonTree.parse(Files.readAllBytes(mf)));
        m.put("treeSize", (Long) m.get("treeSize") - 1);
        Files.write(mf, CanonicalJson.encode(m));
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("MAN-SIZE at manifest.json");
    }

    @Test
    void aSiteWithoutItsManifestFailsVfyManifest() throws IOException {
        Files.delete(mirror.resolve("manifest.json"));
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.status("VFY-MANIFEST")).isEqualTo("FAIL");
        assertThat(r.status("VFY-PAGES")).isEqualTo("skip");
    }

    @Test
    void manFmtForAManifestThatDoesNotParse() throws IOException {
        Files.writeString(mirror.resolve("manifest.json"), "{\"files\":");
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("MAN-FMT at manifest.json");
    }

    @Test
    void manMissingForAListedFileTheMirrorLacks() throws IOException {
        Files.delete(mirror.resolve("es/station/P0.html"));
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("MAN-MISSING at es/station/P0.html");
    }

    @Test
    void manSigForAManifestCheckpointSignedByAnotherKey() throws Exception {
        Path mf = mirror.resolve("manifest.json");
        Map<String, Object> m = JsonTree.asObject(JsonTree.parse(Files.readAllBytes(mf)));
        String text = org.veritally.translog.Note.parse((String) m.get("checkpoint"))
                .orElseThrow()
                .text();
        String origin = text.substring(0, text.indexOf('\n'));
        var forger =
                org.veritally.translog.NoteSigner.generate(origin, org.veritally.translog.VerifierKey.TYPE_ED25519);
        m.put("checkpoint", new org.veritally.translog.Note(text, List.of(forger.sign(text))).format());
        Files.write(mf, CanonicalJson.encode(m));
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("MAN-SIG at manifest.json checkpoint");
    }

    @Test
    void manCkptForAManifestBoundToAnotherCheckpointThanTheMirrors() throws Exception {
        Path mf = mirror.resolve("manifest.json");
        Map<String, Object> m = JsonTree.asObject(JsonTree.parse(Files.readAllBytes(mf)));
        var note =
                org.veritally.translog.Note.parse((String) m.get("checkpoint")).orElseThrow();
        var stranger = org.veritally.translog.NoteSigner.generate(
                "example.org/stranger", org.veritally.translog.VerifierKey.TYPE_ED25519);
        List<org.veritally.translog.NoteSignature> sigs = new ArrayList<>(note.signatures());
        sigs.add(stranger.sign(note.text())); // still signed by the pinned key, but not the mirror's checkpoint note
        m.put("checkpoint", new org.veritally.translog.Note(note.text(), sigs).format());
        Files.write(mf, CanonicalJson.encode(m));
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("MAN-CKPT at manifest.json checkpoint");
    }

    @Test
    void pageKeyForAFigureTheLogDoesNotHave() throws Exception {
        edit("es/station/P0.html", "data-vt=\"c\\|P0\\|", x -> "data-vt=\"c|NOPE|");
        rehash("es/station/P0.html");
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("PAGE-KEY at es/station/P0.html figure c|NOPE|");
    }

    @Test
    void expFmtForAMalformedExportDescription() throws Exception {
        Path mf = mirror.resolve("manifest.json");
        Map<String, Object> m = JsonTree.asObject(JsonTree.parse(Files.readAllBytes(mf)));
        List<Object> exports = new ArrayList<>((List<?>) m.get("exports"));
        exports.add(Map.of("format", "no-such-format"));
        m.put("exports", exports);
        Files.write(mf, CanonicalJson.encode(m));
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("EXP-FMT at manifest.json exports");
    }

    @Test
    void expMissingForADescribedExportTheMirrorLacks() throws IOException {
        Files.delete(mirror.resolve("exports/station.csv"));
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("EXP-MISSING at exports/station.csv");
    }

    @Test
    void aFileAddedToTheMirrorFailsManUnlisted() throws IOException {
        Files.writeString(mirror.resolve("es/station/FAKE.html"), "<p>nothing to see</p>");
        VerifyFixture.Run r = verify(mirror.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("MAN-UNLISTED at es/station/FAKE.html");
    }

    @Test
    void aMirrorServedByAPlainStaticFileServerVerifiesByUrlAndAnEditedOneFails() throws Exception {
        HttpServer server = staticFileServer(mirror);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            VerifyFixture.Run r = verify(url);
            assertThat(r.code()).as(r.toString()).isZero();
            for (String id : List.of("VFY-TOTALS", "VFY-MANIFEST", "VFY-PAGES", "VFY-EXPORTS"))
                assertThat(r.status(id)).as(id + "\n" + r).isEqualTo("ok");

            edit(
                    "en/index.html",
                    "data-vt=\"t\\|N\\|C1\\|official\\|valid\" data-v=\"(\\d+)\">([^<]+)<",
                    m -> m.group()
                            .replace(
                                    "data-v=\"" + m.group(1) + "\"",
                                    "data-v=\"" + (Long.parseLong(m.group(1)) + 1) + "\""));
            VerifyFixture.Run edited = verify(url);
            assertThat(edited.code()).isEqualTo(1);
            assertThat(edited.status("VFY-PAGES")).isEqualTo("FAIL");
            assertThat(edited.out()).contains("PAGE-VALUE at en/index.html figure t|N|C1|official|valid");
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /**
     * A plain static file server, as the JDK's {@code SimpleFileServer} (JDK 18+; this build targets
     * 17) or {@code jwebserver}: GET and HEAD of the files under {@code root}, 404 for anything else.
     * It knows nothing of Veritally.
     */
    static HttpServer staticFileServer(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Path base = root.toAbsolutePath().normalize();
        server.createContext("/", ex -> {
            try (ex) {
                String p = java.net.URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
                Path f = base.resolve(p.substring(1)).normalize();
                if (Files.isDirectory(f)) f = f.resolve("index.html");
                boolean ok = f.startsWith(base)
                        && Files.isRegularFile(f)
                        && (ex.getRequestMethod().equals("GET")
                                || ex.getRequestMethod().equals("HEAD"));
                if (!ok) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                String name = f.getFileName().toString();
                ex.getResponseHeaders()
                        .set(
                                "Content-Type",
                                name.endsWith(".html")
                                        ? "text/html; charset=utf-8"
                                        : name.endsWith(".css")
                                                ? "text/css"
                                                : name.endsWith(".json")
                                                        ? "application/json"
                                                        : name.endsWith(".csv")
                                                                ? "text/csv"
                                                                : "application/octet-stream");
                byte[] body = Files.readAllBytes(f);
                ex.sendResponseHeaders(200, ex.getRequestMethod().equals("HEAD") ? -1 : body.length);
                if (!ex.getRequestMethod().equals("HEAD")) ex.getResponseBody().write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    @Test
    void theMirrorsExportsAreTheExportCommandsByteForByte() throws IOException {
        for (String f : List.of("station-csv", "consensus-csv")) {
            Path out = dir.resolve(f);
            VerifyFixture.ok("export", "--data", data.toString(), "--format", f, "--out", out.toString());
            String name = f.equals("station-csv") ? "station.csv" : "consensus.csv";
            assertThat(Files.readAllBytes(site.resolve("exports/" + name)))
                    .as(f)
                    .isEqualTo(Files.readAllBytes(out));
        }
        String nist = Files.readString(site.resolve("exports/nist-official.json"), StandardCharsets.UTF_8);
        assertThat(nist).contains("\"Status\":\"unofficial-complete\"").contains("veritally-log-size");
    }
}
