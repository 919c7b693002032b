package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.translog.AppendResult;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.CompactRange;
import org.veritally.translog.EntryBundle;
import org.veritally.translog.InMemoryNodeStore;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.Tile;
import org.veritally.translog.TileBuilder;
import org.veritally.translog.TileLayout;
import org.veritally.translog.TreeAppender;
import org.veritally.translog.VerifierKey;

/**
 * The golden published log committed under {@code src/test/resources/golden-log} (see its
 * README.md): regenerating it gives the same bytes, {@code verify} accepts it offline with both
 * witnesses, the example entry of docs/log-format.md is one of its entries, and each attack on a
 * copy fails the check and rule named in the test. Needs no data from ../shared.
 * {@code -Dveritally.golden.write=true} rewrites the folder from the generator ({@link GoldenLog}).
 */
class GoldenLogTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden-log");
    static final Path LOG_FORMAT = Path.of("../docs/log-format.md");

    @TempDir
    Path dir;

    Path pub;

    @BeforeEach
    void copy() throws IOException {
        pub = dir.resolve("mirror");
        for (var e : GoldenLog.files(GOLDEN).entrySet()) {
            Path p = pub.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }

    static VerifyFixture.Run run(String... args) {
        return VerifyFixture.run(args);
    }

    VerifyFixture.Run verify(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "verify",
                pub.toString(),
                "--key",
                GoldenLog.logKey().verifierKey().encode()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    long size() throws IOException {
        return Long.parseLong(Files.readAllLines(pub.resolve("checkpoint")).get(1));
    }

    Path bundle() throws IOException {
        return pub.resolve("tile/entries/000.p/" + size());
    }

    List<byte[]> entries() throws IOException {
        return new ArrayList<>(EntryBundle.parse(Files.readAllBytes(bundle()), (int) size())
                .orElseThrow()
                .entries());
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    void assertFails(VerifyFixture.Run r, String check, String rule) {
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.status(check)).as(r.toString()).isEqualTo("FAIL");
        assertThat(r.out()).as(r.toString()).containsPattern("(?m)^\\s+" + Pattern.quote(rule) + " at ");
    }

    @Test
    void regeneratingGivesByteIdenticalFiles() throws IOException {
        Path fresh = dir.resolve("fresh");
        GoldenLog.write(dir.resolve("scratch"), fresh);
        Map<String, byte[]> now = GoldenLog.files(fresh);
        if (Boolean.getBoolean("veritally.golden.write")) {
            for (String old : GoldenLog.files(GOLDEN).keySet()) Files.delete(GOLDEN.resolve(old));
            try (Stream<Path> s = Files.walk(GOLDEN)) { // empty folders left by deleted files
                for (Path p : s.sorted(Collections.reverseOrder()).toList()) {
                    if (Files.isDirectory(p) && !p.equals(GOLDEN)) {
                        try (Stream<Path> in = Files.list(p)) {
                            if (in.findAny().isEmpty()) Files.delete(p);
                        }
                    }
                }
            }
            for (var e : now.entrySet()) {
                Path p = GOLDEN.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
        }
        Map<String, byte[]> committed = GoldenLog.files(GOLDEN);
        assertThat(now.keySet()).as("the files of the golden log").containsExactlyElementsOf(committed.keySet());
        for (String f : now.keySet()) {
            assertThat(now.get(f))
                    .as(f + " (rerun with -Dveritally.golden.write=true if the change is intended)")
                    .isEqualTo(committed.get(f));
        }
    }

    @Test
    void theGoldenLogHasEveryKindOfEntry() throws IOException {
        List<String> kinds = entries().stream()
                .map(e -> (String) JsonTree.asObject(parse(e)).get("kind"))
                .toList();
        assertThat(kinds.get(0)).isEqualTo("election");
        assertThat(kinds).contains("catalogue", "source", "key", "sheet", "announcement");
        assertThat(kinds.lastIndexOf("catalogue"))
                .as("a catalogue entry after sheets")
                .isGreaterThan(kinds.indexOf("sheet"));
        assertThat(entries().stream().map(GoldenLogTest::text))
                .anyMatch(e -> e.contains("\"signature\":"))
                .anyMatch(e -> e.contains("\"supersedes\":") && e.contains("\"reason\":"))
                .anyMatch(e -> e.contains("\"role\":\"authority\""));
    }

    @Test
    void verifyAcceptsItOfflineWithBothWitnesses() throws IOException {
        var r = verify(
                "--witness",
                text(Files.readAllBytes(pub.resolve("witness-a.vkey"))).strip(),
                "--witness",
                text(Files.readAllBytes(pub.resolve("witness-b.vkey"))).strip(),
                "--quorum",
                "2");
        assertThat(r.code()).as(r.toString()).isZero();
        for (String check :
                List.of("VFY-SIG", "VFY-WITNESS", "VFY-TILES", "VFY-LEAVES", "VFY-ROOT", "VFY-ENTRIES", "VFY-TOTALS")) {
            assertThat(r.status(check)).as(check + "\n" + r).isEqualTo("ok");
        }
    }

    @Test
    void theExampleEntryOfTheLogFormatIsAnEntryOfTheGoldenLog() throws IOException {
        String doc = Files.readString(LOG_FORMAT);
        Matcher m =
                Pattern.compile("Example[^`]*```json\\n(\\{[^\\n]*\\})\\n```").matcher(doc);
        assertThat(m.find()).as("an example block in " + LOG_FORMAT).isTrue();
        byte[] example = m.group(1).getBytes(StandardCharsets.UTF_8);
        assertThat(entries()).anySatisfy(e -> assertThat(e).isEqualTo(example));
    }

    @Test
    void theResultsFilesCarryCoverageAndNoTrailingNewline() throws IOException {
        byte[] official = Files.readAllBytes(pub.resolve("results/PRES/official.json"));
        assertThat(official[official.length - 1]).isEqualTo((byte) '}');
        Map<String, Object> n = JsonTree.asObject(
                JsonTree.asObject(JsonTree.asObject(parse(official)).get("units"))
                        .get("N"));
        assertThat(n)
                .containsEntry("stationsTotal", 7L)
                .containsEntry("registeredVotersTotal", 3488L)
                .containsEntry("stations", 7L);
        assertThat(text(Files.readAllBytes(pub.resolve("results/AN/source/obs.json"))))
                .endsWith("\"units\":{},\"view\":\"source:obs\"}");
    }

    // --- attacks: one change each, and the check and rule that catch it ---

    @Test
    void flippedByteInTheBundleFailsVfyLeaves() throws IOException {
        byte[] b = Files.readAllBytes(bundle());
        b[b.length / 2] ^= 0x01;
        Files.write(bundle(), b);
        assertFails(verify(), "VFY-LEAVES", "TILE-ENT-2");
    }

    @Test
    void changedTotalInAResultsFileFailsVfyTotals() throws IOException {
        Path f = pub.resolve("results/PRES/official.json");
        Files.writeString(f, Files.readString(f).replaceFirst("\"valid\":(\\d+)", "\"valid\":1$1"));
        var r = verify();
        assertFails(r, "VFY-TOTALS", "VFY-TOTALS");
        assertThat(r.out()).contains("results/PRES/official.json unit M11 field valid");
    }

    @Test
    void changedCoverageInAResultsFileFailsVfyTotals() throws IOException {
        Path f = pub.resolve("results/PRES/consensus.json");
        Files.writeString(f, Files.readString(f).replace("\"stationsTotal\":7", "\"stationsTotal\":6"));
        var r = verify();
        assertFails(r, "VFY-TOTALS", "VFY-TOTALS");
        assertThat(r.out()).contains("results/PRES/consensus.json unit N field stationsTotal");
    }

    @Test
    void droppedEntryFailsVfyLeaves() throws IOException {
        List<byte[]> e = entries();
        e.remove(7);
        e.add(e.get(e.size() - 1)); // same count, so the bundle still parses; the leaves no longer match
        Files.write(bundle(), new EntryBundle(e).encode());
        assertFails(verify(), "VFY-LEAVES", "TILE-ENT-2");
    }

    @Test
    void swappedEntriesFailVfyLeaves() throws IOException {
        List<byte[]> e = entries();
        Collections.swap(e, 5, 6);
        Files.write(bundle(), new EntryBundle(e).encode());
        assertFails(verify(), "VFY-LEAVES", "TILE-ENT-2");
    }

    /**
     * The operator (who holds the log key) changes a signed sheet and re-signs it with a key of its
     * own under the account's name, then rebuilds every tile and signs a new checkpoint: the tree
     * checks pass, the rulebook does not (AUTH-SIG: the signature does not verify with the key entry).
     */
    @Test
    void changedSignedSheetResignedWithAForeignKeyFailsVfyEntriesWithAuthSig() throws Exception {
        List<byte[]> e = entries();
        int i = -1;
        for (int k = 0; k < e.size(); k++)
            if (text(e.get(k)).contains("\"signature\":") && text(e.get(k)).contains("\"station\":\"010113043.01\""))
                i = k;
        assertThat(i).isPositive();
        Map<String, Object> sheet = JsonTree.asObject(parse(e.get(i)));
        Map<String, Object> votes = JsonTree.asObject(sheet.get("votes"));
        votes.put("EG", (Long) votes.get("EG") - 10);
        votes.put("NM", (Long) votes.get("NM") + 10);
        sheet.remove("signature");
        NoteSigner foreign = NoteSigner.of(
                GoldenLog.SIGNING_ACCOUNT, VerifierKey.TYPE_ED25519, GoldenLog.seed("not the account's key"));
        sheet.put("signature", Base64.getEncoder().encodeToString(foreign.signBytes(CanonicalJson.encode(sheet))));
        e.set(i, CanonicalJson.encode(sheet));
        republish(e);
        var r = verify();
        assertFails(r, "VFY-ENTRIES", "AUTH-SIG");
        assertThat(r.status("VFY-ROOT")).isEqualTo("ok");
        assertThat(r.status("VFY-LEAVES")).isEqualTo("ok");
    }

    @Test
    void aResultsFileTheLogDoesNotImplyFailsVfyTotals() throws IOException {
        Files.copy(pub.resolve("results/PRES/source/obs.json"), pub.resolve("results/PRES/source/ghost.json"));
        assertFails(verify(), "VFY-TOTALS", "VFY-TOTALS");
    }

    /**
     * Rewrites the tiles and the checkpoint over {@code entries}, signed with the log's own key (a dishonest operator).
     */
    void republish(List<byte[]> entries) throws IOException {
        AppendResult r = new TreeAppender().appendEntries(CompactRange.empty(), entries);
        InMemoryNodeStore nodes = new InMemoryNodeStore();
        nodes.putAll(r.nodes());
        for (Tile.Hashes t : TileLayout.hashTiles(entries.size()))
            Files.write(pub.resolve(t.path()), TileBuilder.build(t, nodes));
        for (Tile.Entries b : TileLayout.entryBundles(entries.size())) {
            int from = (int) (b.index() * Tile.FULL_WIDTH);
            Files.write(pub.resolve(b.path()), new EntryBundle(entries.subList(from, from + b.width())).encode());
        }
        NoteSigner key = GoldenLog.logKey();
        Files.writeString(
                pub.resolve("checkpoint"),
                SignedCheckpoint.sign(Checkpoint.of(key.name(), entries.size(), r.root()), key)
                        .format());
    }

    static Object parse(byte[] json) {
        try {
            return JsonTree.parse(json);
        } catch (JsonTree.JsonError e) {
            throw new AssertionError(e);
        }
    }
}
