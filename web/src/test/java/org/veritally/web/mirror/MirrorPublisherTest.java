package org.veritally.web.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.Instance;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.web.SampleElection;
import org.veritally.web.i18n.Lang;

/**
 * {@code publish --site} on the sample election (disputes, a correction, an announcement), in
 * process: every page in every language, links that all resolve inside the mirror, figures tagged for
 * {@code verify}, a manifest that hashes every file, and an incremental publish that rewrites only
 * what changed and equals a full one. The tests run in order: the last ones post a held-back sheet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MirrorPublisherTest {
    @TempDir
    static Path dir;

    static Instance in;
    static SampleElection sample;
    static org.veritally.web.SampleAudits audits;
    static Path site;
    static MirrorPublisher.Report first;
    static final Instant NOW = Instant.parse("2024-07-29T06:00:00Z");

    static MirrorPublisher.Options options(boolean full) {
        return MirrorPublisher.Options.defaults()
                .withFull(full)
                .withLanguages(List.of(Lang.ES, Lang.EN))
                .withNist(Optional.empty(), "general", "es", Optional.of("2024-07-28"))
                .withNow(NOW);
    }

    @BeforeAll
    static void publish() throws IOException {
        in = Instance.open(dir.resolve("data"));
        sample = SampleElection.load(in);
        audits = org.veritally.web.SampleAudits.record(in);
        site = dir.resolve("site");
        first = new MirrorPublisher(in, in.keys(), options(false)).publish(site);
    }

    @AfterAll
    static void close() {
        in.close();
    }

    static Map<String, String> manifestFiles(Path mirror) {
        return Manifest.read(mirror).orElseThrow().files();
    }

    @Test
    @Order(1)
    void theAuditsTheirPagesAndTheirTallyFormsAreInTheMirror() throws IOException {
        for (String l : List.of("es", "en")) {
            assertThat(site.resolve(l + "/audits.html")).isRegularFile();
            for (String a : List.of(
                    org.veritally.web.SampleAudits.MACRO,
                    org.veritally.web.SampleAudits.FULL,
                    org.veritally.web.SampleAudits.BRAVO))
                assertThat(site.resolve(l + "/audit/" + a + ".html")).isRegularFile();
            Path form = site.resolve(
                    l + "/audit/" + org.veritally.web.SampleAudits.MACRO + "/form/" + audits.toCount + ".html");
            assertThat(Files.readString(form)).contains(org.veritally.web.SampleAudits.SEED, "class=\"box\"");
        }
        assertThat(Files.readString(site.resolve("en/index.html"))).contains("href=\"../en/audits.html\"");
    }

    @Test
    @Order(1)
    void everyUnitAndStationPageIsThereInEveryLanguage() {
        var cat = in.state().catalogue();
        assertThat(first.incremental()).isFalse();
        for (String lang : List.of("es", "en")) {
            for (int s = 0; s < cat.stationCount(); s++)
                assertThat(site.resolve(lang + "/station/" + cat.station(s).id() + ".html"))
                        .isRegularFile();
            for (int u = 0; u < cat.unitCount(); u++) {
                for (String c : List.of("C1", "C2")) {
                    for (String v : List.of("official", "source-party-a", "source-observer-1", "consensus")) {
                        assertThat(site.resolve(lang + "/unit/" + c + "/" + v + "/"
                                        + cat.unit(u).id() + ".html"))
                                .isRegularFile();
                    }
                }
            }
            for (String p : List.of(
                    "index.html",
                    "overview/consensus.html",
                    "downloads.html",
                    "announcements.html",
                    "discrepancies.html",
                    "statistics.html",
                    "discrepancies/source/party-a.html")) {
                assertThat(site.resolve(lang + "/" + p)).isRegularFile();
            }
        }
        assertThat(site.resolve("pt")).doesNotExist();
        assertThat(site.resolve("exports/station.csv")).isRegularFile();
        assertThat(site.resolve("exports/consensus.csv")).isRegularFile();
        assertThat(site.resolve("exports/nist-official.json")).isRegularFile();
        assertThat(site.resolve("checkpoint")).isRegularFile();
        assertThat(site.resolve("index.html")).content(StandardCharsets.UTF_8).contains("url=es/index.html");
    }

    @Test
    @Order(2)
    void everyLinkOfEveryPageResolvesInsideTheMirror() throws IOException {
        Pattern href = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
        List<String> broken = new ArrayList<>();
        int links = 0;
        try (Stream<Path> all = Files.walk(site)) {
            for (Path p : all.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(p);
                Matcher m = href.matcher(html);
                while (m.find()) {
                    String target = m.group(1).replace("&amp;", "&");
                    if (target.startsWith("#") || target.startsWith("data:") || target.startsWith("http")) continue;
                    links++;
                    assertThat(target).as(p + " links outside the mirror").doesNotStartWith("/");
                    Path resolved = p.getParent().resolve(target.split("#")[0]).normalize();
                    if (!resolved.startsWith(site) || !Files.isRegularFile(resolved))
                        broken.add(site.relativize(p) + " -> " + target);
                }
            }
        }
        assertThat(links).isGreaterThan(50_000);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    @Order(3)
    void pagesCarryTheirFiguresForVerifyAndNoLiveHooks() throws IOException {
        String unit = Files.readString(site.resolve("es/unit/C1/official/R0.html"));
        var r = in.results().result(Optional.of("R0"), Optional.of("C1"), "official");
        assertThat(unit)
                .contains("data-vt=\"t|R0|C1|official|valid\" data-v=\"" + r.validVotes() + "\"")
                .contains("data-vt=\"p|R0|C1|official|stations|stationsTotal\"")
                .doesNotContain("data-api")
                .doesNotContain("live.")
                .doesNotContain("data-cand")
                .doesNotContain("Registro público:")
                .contains("manifest.json");
        String station = Files.readString(site.resolve("en/station/" + SampleElection.DISPUTED + ".html"));
        assertThat(station)
                .contains("data-vt=\"c|" + SampleElection.DISPUTED + "|C1|party-a|line:C1-L1\"")
                .contains("data-vt=\"s|" + SampleElection.DISPUTED + "|registered\"")
                .contains("<mark data-vt=");
        String downloads = Files.readString(site.resolve("en/downloads.html"));
        assertThat(downloads)
                .contains("href=\"../exports/station.csv\"")
                .contains("href=\"../manifest.json\"")
                .doesNotContain("/api/");
    }

    @Test
    @Order(4)
    void theManifestHashesEveryFileAndNamesTheSignedCheckpoint() throws Exception {
        Manifest m = Manifest.read(site).orElseThrow();
        assertThat(m.treeSize()).isEqualTo(in.state().logSize());
        assertThat(Files.readString(site.resolve("checkpoint"))).isEqualTo(m.checkpoint());
        assertThat(m.languages()).containsExactly("es", "en");
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        List<String> onDisk;
        try (Stream<Path> all = Files.walk(site)) {
            onDisk = all.filter(Files::isRegularFile)
                    .map(p -> site.relativize(p).toString())
                    .toList();
        }
        for (String p : onDisk) {
            if (p.equals("manifest.json") || p.equals("checkpoint")) continue;
            assertThat(m.files()).as(p).containsKey(p);
            assertThat(m.files().get(p))
                    .as(p)
                    .isEqualTo(HexFormat.of().formatHex(sha.digest(Files.readAllBytes(site.resolve(p)))));
        }
        assertThat(m.files()).hasSize(onDisk.size() - 2);
        assertThat(new String(m.encode(), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(site.resolve("manifest.json")));
        Map<String, Object> tree = new HashMap<>();
        tree.put("version", 1L);
        tree.put("checkpoint", m.checkpoint());
        tree.put("treeSize", m.treeSize());
        tree.put("root", m.root());
        tree.put("generator", m.generator());
        tree.put("languages", new ArrayList<Object>(m.languages()));
        tree.put("exports", new ArrayList<Object>(m.exports()));
        tree.put("files", m.files());
        assertThat(m.encode())
                .as("canonical JSON")
                .isEqualTo(org.veritally.formats.canonical.CanonicalJson.encode(tree));
    }

    @Test
    @Order(5)
    void aSecondPublishOfTheSameLogRewritesNoPage() throws IOException {
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Path page = site.resolve("es/station/P5.html");
        Files.setLastModifiedTime(page, old);
        Map<String, String> before = manifestFiles(site);
        var r = new MirrorPublisher(in, in.keys(), options(false)).publish(site);
        assertThat(r.incremental()).isTrue();
        assertThat(r.pages()).isLessThan(first.pages() / 10);
        assertThat(Files.getLastModifiedTime(page)).isEqualTo(old);
        assertThat(manifestFiles(site)).isEqualTo(before);
    }

    @Test
    @Order(6)
    void afterANewSheetOnlyItsStationAndTheUnitsAboveAreRenderedAndTheMirrorEqualsAFullPublish() throws IOException {
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Path elsewhere = site.resolve("en/station/P5.html");
        Path above = site.resolve("en/station/" + SampleElection.HELD_BACK + ".html");
        Files.setLastModifiedTime(elsewhere, old);
        Files.setLastModifiedTime(above, old);
        var o = in.sequencer()
                .submit(
                        List.of(new SheetRow("held", Optional.of(sample.heldBack), List.of())),
                        "test",
                        new DuplicateRows(),
                        true);
        assertThat(o.rejected()).isEmpty();
        var r = new MirrorPublisher(in, in.keys(), options(false)).publish(site);
        assertThat(r.incremental()).isTrue();
        assertThat(r.receipts()).isEqualTo(1);
        assertThat(Files.getLastModifiedTime(elsewhere)).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(above)).isNotEqualTo(old);
        Path full = dir.resolve("full");
        var f = new MirrorPublisher(in, in.keys(), options(true)).publish(full);
        assertThat(f.incremental()).isFalse();
        // the incremental publish proves the new entries from the store's tree, the full one from a tree rebuilt in
        // memory: both against the same checkpoint, the same bytes
        for (long i = r.previousSize(); i < r.size(); i++) {
            Path p = Path.of("log", "receipt", Long.toString(i));
            if (!Files.exists(full.resolve(p))) continue;
            assertThat(site.resolve(p)).as("receipt %d", i).hasBinaryContent(Files.readAllBytes(full.resolve(p)));
        }
        assertThat(manifestFiles(site)).containsKey("log/receipt/" + (r.size() - 1));
        Map<String, String> a = new HashMap<>(manifestFiles(site));
        Map<String, String> b = new HashMap<>(manifestFiles(full));
        // receipts are proofs against the checkpoint of the publish that first carried them
        a.keySet().removeIf(p -> p.startsWith("log/receipt/"));
        b.keySet().removeIf(p -> p.startsWith("log/receipt/"));
        assertThat(a).isEqualTo(b);
        assertThat(Manifest.read(site).orElseThrow().checkpoint())
                .isEqualTo(Manifest.read(full).orElseThrow().checkpoint());
        assertThat(Files.readAllBytes(site.resolve("manifest.json")))
                .as("the incremental manifest, merged in order, is canonical")
                .isEqualTo(Manifest.read(site).orElseThrow().encode());
    }

    @Test
    @Order(7)
    void aPageOfTheMirrorWorksFromDiskWithRelativeLinks() throws IOException {
        String html = Files.readString(site.resolve("es/unit/C2/consensus/N.html"));
        URI base = site.resolve("es/unit/C2/consensus/N.html").toUri();
        assertThat(Path.of(base.resolve("../../../station/P3.html"))).isRegularFile();
        assertThat(html).contains("href=\"../../../../en/unit/C2/consensus/N.html\"");
    }

    @Test
    @Order(8)
    void eachLanguageHasAnAtomFeedWhoseLinksResolveInsideTheMirror() throws Exception {
        for (String lang : List.of("es", "en")) {
            Path feed = site.resolve(lang + "/feed.atom");
            assertThat(feed).isRegularFile();
            var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var doc = f.newDocumentBuilder().parse(feed.toFile());
            var links = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
            assertThat(links.getLength()).isGreaterThan(2);
            for (int i = 0; i < links.getLength(); i++) {
                String href = ((org.w3c.dom.Element) links.item(i)).getAttribute("href");
                assertThat(href).as("relative, like the pages").doesNotStartWith("/");
                Path target = feed.getParent().resolve(href.split("#")[0]).normalize();
                assertThat(target).as(lang + " feed link " + href).isRegularFile();
            }
        }
    }
}
