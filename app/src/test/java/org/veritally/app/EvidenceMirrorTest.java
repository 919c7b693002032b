package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.app.VerifyFixture.run;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.evidence.Evidence;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.server.Instance;
import org.veritally.server.evidence.Filed;
import org.veritally.server.evidence.Filing;
import org.veritally.testkit.ExifSegments;
import org.veritally.testkit.SheetPictures;

/**
 * Issue 13: the public copies of the evidence photos in a publication ({@code evidence/<sha256>}),
 * and {@code VFY-EVIDENCE}. Phone photos with GPS, make, model and serial in their EXIF are filed for
 * four stations; the log is published plainly and as a static mirror through the CLI; each attack
 * works on a fresh copy of one: a forged image (EVD-HASH), two images swapped (EVD-SIZE or EVD-HASH,
 * named as a swap), an image deleted (EVD-MISSING), a file the log does not name (EVD-UNNAMED), also
 * over HTTP where only the manifest lists the files. And no
 * byte of the mirror holds the EXIF that stays private with the originals.
 */
class EvidenceMirrorTest {
    @TempDir
    static Path shared;

    static Path data;
    static Path plain;
    static Path site;
    static List<Evidence> filed = new ArrayList<>();
    static List<byte[]> originals = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void fileAndPublish() throws IOException {
        var g = VerifyFixture.generate(shared, 20, 13);
        data = shared.resolve("data");
        VerifyFixture.define(data, g);
        VerifyFixture.importSheets(data, g.authority());
        try (Instance in = Instance.open(data)) {
            String source = in.state().tabulation().sources().get(1).id();
            for (int i = 0; i < 4; i++) {
                String station = in.state().catalogue().station(i).id();
                byte[] photo = phonePhoto(station, 100 + i);
                Filed f = in.evidenceIntake()
                        .file(
                                photo,
                                new Filing(station, Optional.empty(), source, "test", Optional.empty()),
                                "photo-" + i + ".jpg");
                assertThat(f.problems()).as("photo %d", i).isEmpty();
                filed.add(f.evidence());
                originals.add(photo);
            }
        }
        plain = VerifyFixture.publish(data, shared.resolve("plain"));
        site = shared.resolve("site");
        VerifyFixture.ok("publish", "--data", data.toString(), "--out", site.toString(), "--site", "--languages", "en");
    }

    /** A photo of a sheet as a phone writes it: a JPEG with EXIF that holds GPS, make, model and serial. */
    static byte[] phonePhoto(String station, long seed) {
        byte[] jpeg = SheetPictures.jpeg(SheetPictures.sheet(640, 480, station, new int[] {12, 40, 7}, seed), 0.9f);
        return ExifSegments.afterSoi(jpeg, ExifSegments.exif(10.4806, -66.9036, 1));
    }

    static String publicSha(int i) {
        return filed.get(i).publicCopy().orElseThrow().sha256();
    }

    Path copy(Path publication) throws IOException {
        return copy(publication, "copy");
    }

    Path copy(Path publication, String name) throws IOException {
        Path to = dir.resolve(name);
        VerifyFixture.copyTree(publication, to);
        return to;
    }

    static VerifyFixture.Run verify(Path where) {
        return verify(where.toString());
    }

    static VerifyFixture.Run verify(String where) {
        return run("verify", where, "--key", VerifyFixture.key(data).toString());
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void everyPublicCopyIsPublishedByItsHashAndBothPublicationsVerify() throws Exception {
        for (Path p : List.of(plain, site)) {
            for (int i = 0; i < filed.size(); i++) {
                Path img = p.resolve("evidence").resolve(publicSha(i));
                assertThat(img).as("image %d in %s", i, p).isRegularFile();
                byte[] bytes = Files.readAllBytes(img);
                assertThat(sha256(bytes)).isEqualTo(publicSha(i));
                assertThat((long) bytes.length)
                        .isEqualTo(filed.get(i).publicCopy().orElseThrow().size());
                assertThat(p.resolve("evidence").resolve(filed.get(i).original().sha256()))
                        .as("an original is never published")
                        .doesNotExist();
            }
            try (Stream<Path> s = Files.list(p.resolve("evidence"))) {
                assertThat(s.count()).isEqualTo(filed.size());
            }
            VerifyFixture.Run r = verify(p);
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.status("VFY-EVIDENCE")).as(r.toString()).isEqualTo("ok");
            assertThat(r.out()).contains("4 image(s)");
        }
        // the station pages' photos (src and href, relative) resolve to the published images
        try (Stream<Path> pages = Files.list(site.resolve("en/station"))) {
            int linked = 0;
            for (Path page : pages.toList()) {
                var m = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]*evidence/[0-9a-f]{64})\"")
                        .matcher(Files.readString(page));
                while (m.find()) {
                    assertThat(page.getParent().resolve(m.group(1)).normalize())
                            .as(m.group(1) + " on " + page)
                            .isRegularFile();
                    linked++;
                }
            }
            assertThat(linked).as("links to images on the station pages").isGreaterThanOrEqualTo(filed.size());
        }
        String manifest = Files.readString(site.resolve("manifest.json"));
        for (int i = 0; i < filed.size(); i++)
            assertThat(manifest).contains("\"evidence/" + publicSha(i) + "\":\"" + publicSha(i) + "\"");
    }

    @Test
    void publishingAgainRewritesNoImage() throws Exception {
        Path again = copy(plain);
        VerifyFixture.Run r = run("publish", "--data", data.toString(), "--out", again.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("4 evidence image(s): 0 written, 4 unchanged");
        Path mirror = copy(site, "mirror");
        VerifyFixture.Run s =
                run("publish", "--data", data.toString(), "--out", mirror.toString(), "--site", "--languages", "en");
        assertThat(s.code()).as(s.toString()).isZero();
        assertThat(s.out()).contains("4 evidence image(s): 0 written, 4 unchanged");
    }

    @Test
    void aForgedImageFailsEvdHash() throws Exception {
        for (Path p : List.of(plain, site)) {
            Path copy = copy(p);
            Path img = copy.resolve("evidence").resolve(publicSha(1));
            byte[] b = Files.readAllBytes(img);
            b[b.length / 2] ^= 0x20; // one byte of the picture: same size, another image
            Files.write(img, b);
            VerifyFixture.Run r = verify(copy);
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.status("VFY-EVIDENCE")).isEqualTo("FAIL");
            assertThat(r.out()).contains("EVD-HASH at evidence/" + publicSha(1));
            if (p == site) assertThat(r.out()).contains("MAN-HASH at evidence/" + publicSha(1));
            deleteTree(copy);
        }
    }

    @Test
    void twoImagesSwappedFailAsASwap() throws Exception {
        Path copy = copy(site);
        Path a = copy.resolve("evidence").resolve(publicSha(0));
        Path b = copy.resolve("evidence").resolve(publicSha(2));
        byte[] ab = Files.readAllBytes(a);
        byte[] bb = Files.readAllBytes(b);
        Files.write(a, bb);
        Files.write(b, ab);
        String rule = ab.length == bb.length ? "EVD-HASH" : "EVD-SIZE";
        VerifyFixture.Run r = verify(copy);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.status("VFY-EVIDENCE")).isEqualTo("FAIL");
        assertThat(r.out())
                .contains(rule + " at evidence/" + publicSha(0))
                .contains(rule + " at evidence/" + publicSha(2))
                .contains("images swapped");
    }

    @Test
    void aMissingImageFailsEvdMissing() throws Exception {
        for (Path p : List.of(plain, site)) {
            Path copy = copy(p);
            Files.delete(copy.resolve("evidence").resolve(publicSha(3)));
            VerifyFixture.Run r = verify(copy);
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.status("VFY-EVIDENCE")).isEqualTo("FAIL");
            assertThat(r.out()).contains("EVD-MISSING at evidence/" + publicSha(3));
            deleteTree(copy);
        }
    }

    @Test
    void aFileTheLogDoesNotNameFailsEvdUnnamed() throws Exception {
        for (Path p : List.of(plain, site)) {
            Path copy = copy(p);
            byte[] extra = phonePhoto("X", 999);
            String name = sha256(extra);
            Files.write(copy.resolve("evidence").resolve(name), extra);
            Files.writeString(copy.resolve("evidence").resolve("notes.txt"), "hello");
            VerifyFixture.Run r = verify(copy);
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.status("VFY-EVIDENCE")).isEqualTo("FAIL");
            assertThat(r.out())
                    .contains("EVD-UNNAMED at evidence/" + name)
                    .contains("EVD-UNNAMED at evidence/notes.txt");
            deleteTree(copy);
        }
    }

    @Test
    void overHttpTheImagesAreCheckedAndAFileTheManifestListsButTheLogDoesNotNameFailsEvdUnnamed() throws Exception {
        Path copy = copy(site);
        Path img = copy.resolve("evidence").resolve(publicSha(0));
        byte[] b = Files.readAllBytes(img);
        b[b.length / 3] ^= 0x01;
        Files.write(img, b);
        byte[] extra = phonePhoto("X", 998);
        String name = sha256(extra);
        Files.write(copy.resolve("evidence").resolve(name), extra);
        // a forger who lists the extra image in the manifest, so that the manifest check passes for it
        Path mf = copy.resolve("manifest.json");
        Map<String, Object> m = JsonTree.asObject(JsonTree.parse(Files.readAllBytes(mf)));
        JsonTree.asObject(m.get("files")).put("evidence/" + name, name);
        Files.write(mf, CanonicalJson.encode(m));
        HttpServer server = MirrorVerifyTest.staticFileServer(copy);
        try {
            VerifyFixture.Run r =
                    verify("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.status("VFY-EVIDENCE")).isEqualTo("FAIL");
            assertThat(r.out())
                    .contains("EVD-HASH at evidence/" + publicSha(0))
                    .contains("EVD-UNNAMED at evidence/" + name)
                    .doesNotContain("MAN-HASH at evidence/" + name);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMissingPublicCopyInTheStoreFailsPublishWithPubEvidence() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-evidence"));
        for (boolean withSite : List.of(false, true)) {
            List<String> args = new ArrayList<>(List.of(
                    "publish",
                    "--data",
                    data.toString(),
                    "--evidence",
                    empty.toString(),
                    "--out",
                    dir.resolve("out-" + withSite).toString()));
            if (withSite) args.addAll(List.of("--site", "--languages", "en"));
            VerifyFixture.Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("error: PUB-EVIDENCE: ").contains("--without-evidence");
            assertThat(r.err()).doesNotContain("Exception");
        }
    }

    @Test
    void withoutEvidenceThePublicationSaysSoAndVerifies() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-evidence"));
        Path out = dir.resolve("site");
        VerifyFixture.Run p = run(
                "publish",
                "--data",
                data.toString(),
                "--evidence",
                empty.toString(),
                "--out",
                out.toString(),
                "--site",
                "--languages",
                "en",
                "--without-evidence");
        assertThat(p.code()).as(p.toString()).isZero();
        assertThat(p.out()).contains("published WITHOUT evidence");
        assertThat(out.resolve("evidence")).doesNotExist();
        assertThat(Files.readString(out.resolve("evidence-withheld.txt"))).contains("names 4");
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"evidence-withheld.txt\"");
        VerifyFixture.Run r = verify(out);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.status("VFY-EVIDENCE")).isEqualTo("ok");
        assertThat(r.out()).contains("published WITHOUT evidence");

        // without the marker, the same mirror lacks every image
        Files.delete(out.resolve("evidence-withheld.txt"));
        VerifyFixture.Run bare = verify(out);
        assertThat(bare.code()).isEqualTo(1);
        assertThat(bare.out()).contains("EVD-MISSING at evidence/" + publicSha(0));
    }

    @Test
    void exifGpsAndDeviceAreInNoPublishedByte() throws Exception {
        List<String> secrets =
                List.of(ExifSegments.SERIAL, ExifSegments.MAKE, ExifSegments.MODEL, ExifSegments.COMMENT);
        for (byte[] o : originals) // the test means something: the originals hold them
        assertThat(new String(o, StandardCharsets.ISO_8859_1)).contains(ExifSegments.SERIAL);
        int scanned = 0;
        for (Path p : List.of(site, plain)) {
            try (Stream<Path> files = Files.walk(p)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String s = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    for (String secret : secrets)
                        assertThat(s).as("%s in %s", secret, f).doesNotContain(secret);
                    scanned++;
                }
            }
            for (int i = 0; i < filed.size(); i++) {
                byte[] img = Files.readAllBytes(p.resolve("evidence").resolve(publicSha(i)));
                Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(img));
                assertThat(m.getDirectoriesOfType(GpsDirectory.class))
                        .as("GPS in image %d", i)
                        .isEmpty();
                assertThat(m.getDirectoriesOfType(ExifIFD0Directory.class))
                        .as("EXIF in image %d", i)
                        .isEmpty();
                Metadata orig = ImageMetadataReader.readMetadata(new ByteArrayInputStream(originals.get(i)));
                assertThat(orig.getDirectoriesOfType(GpsDirectory.class)).isNotEmpty();
            }
        }
        assertThat(scanned).isGreaterThan(100);
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
