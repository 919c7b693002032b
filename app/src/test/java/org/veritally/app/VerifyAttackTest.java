package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.app.VerifyFixture.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.EntryBundle;
import org.veritally.translog.Note;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.VerifierKey;

/**
 * Attack tests (STYLE.md §7): each takes a valid published log (generate, import, publish), applies
 * ONE change, and expects {@code verify} to exit 1 naming the expected check. The log is 2 full
 * entry bundles and a partial one (about 610 entries). Named after the mutation.
 */
class VerifyAttackTest {
    @TempDir
    static Path shared;

    static Path data;
    static Path published;

    @TempDir
    Path dir;

    Path pub;

    @BeforeAll
    static void publishOnce() throws IOException {
        var g = VerifyFixture.generate(shared, 300, 7);
        data = shared.resolve("data");
        VerifyFixture.define(data, g);
        VerifyFixture.importSheets(data, g.authority());
        VerifyFixture.importSheets(data, g.witness());
        published = VerifyFixture.publish(data, shared.resolve("pub"));
    }

    @BeforeEach
    void copy() throws IOException {
        pub = dir.resolve("mirror");
        VerifyFixture.copyTree(published, pub);
    }

    VerifyFixture.Run verify() {
        return run("verify", pub.toString(), "--key", VerifyFixture.key(data).toString());
    }

    long size() throws IOException {
        return Long.parseLong(Files.readAllLines(pub.resolve("checkpoint")).get(1));
    }

    Path partialBundle() throws IOException {
        long size = size();
        return pub.resolve("tile/entries/" + String.format("%03d", size / 256) + ".p/" + size % 256);
    }

    List<byte[]> entries(Path bundle, int width) throws IOException {
        return new ArrayList<>(EntryBundle.parse(Files.readAllBytes(bundle), width)
                .orElseThrow()
                .entries());
    }

    void assertFailsWith(VerifyFixture.Run r, String check) {
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.status(check)).as(r.toString()).isEqualTo("FAIL");
        assertThat(r.out()).contains("FAILED: ").doesNotContain("Exception");
    }

    @Test
    void untouchedLogVerifies() throws IOException {
        var r = verify();
        assertThat(r.code()).as(r.toString()).isZero();
        for (String id : List.of("VFY-SIG", "VFY-TILES", "VFY-LEAVES", "VFY-ROOT", "VFY-ENTRIES", "VFY-TOTALS")) {
            assertThat(r.status(id)).as(id).isEqualTo("ok");
        }
        assertThat(r.status("VFY-WITNESS")).isEqualTo("skip");
        assertThat(r.out()).contains("VERIFIED", String.format("tree size %,d", size()));
        var json =
                run("verify", pub.toString(), "--key", VerifyFixture.key(data).toString(), "--json");
        assertThat(json.code()).isZero();
        assertThat(json.out())
                .startsWith("{")
                .contains(
                        "\"verified\":true", "\"treeSize\":" + size(), "\"id\":\"VFY-TOTALS\"", "\"status\":\"pass\"");
    }

    @Test
    void flipOneByteOfAnEntryFailsVfyLeaves() throws IOException {
        Path bundle = pub.resolve("tile/entries/001");
        byte[] b = Files.readAllBytes(bundle);
        int at = new String(b, StandardCharsets.ISO_8859_1).indexOf("\"valid\":") + 8;
        b[at] = (byte) (b[at] == '9' ? '8' : '9');
        Files.write(bundle, b);
        var r = verify();
        assertFailsWith(r, "VFY-LEAVES");
        assertThat(r.out()).contains("TILE-ENT-2", "does not hash to its leaf in tile/0/001", "expected ", "computed ");
        assertThat(r.status("VFY-TILES")).isEqualTo("ok");
        assertThat(r.status("VFY-ROOT")).isEqualTo("ok");
    }

    @Test
    void dropAnEntryFailsVfyLeaves() throws IOException {
        Path bundle = pub.resolve("tile/entries/001");
        List<byte[]> entries = entries(bundle, 256);
        entries.remove(17);
        Files.write(bundle, new EntryBundle(entries).encode()); // lengths re-framed: a clean 255-entry bundle
        var r = verify();
        assertFailsWith(r, "VFY-LEAVES");
        assertThat(r.out()).contains("TILE-ENT-1", "bundle holds 255 entries, want 256");
        assertThat(r.status("VFY-ENTRIES")).isEqualTo("skip");
        assertThat(r.status("VFY-TOTALS")).isEqualTo("skip");
    }

    @Test
    void swapTwoEntriesFailsVfyLeaves() throws IOException {
        Path bundle = pub.resolve("tile/entries/001");
        List<byte[]> entries = entries(bundle, 256);
        Collections.swap(entries, 40, 41);
        Files.write(bundle, new EntryBundle(entries).encode());
        var r = verify();
        assertFailsWith(r, "VFY-LEAVES");
        assertThat(r.out()).contains("TILE-ENT-2 at entry 296", "TILE-ENT-2 at entry 297");
    }

    @Test
    void changeOnePublishedTotalFailsVfyTotals() throws Exception {
        Path file = pub.resolve("results/C1/official.json");
        Map<String, Object> json = JsonTree.asObject(JsonTree.parse(Files.readAllBytes(file)));
        Map<String, Object> units = JsonTree.asObject(json.get("units"));
        String unit = units.keySet().iterator().next();
        Map<String, Object> totals = JsonTree.asObject(units.get(unit));
        long valid = (Long) totals.get("valid");
        totals.put("valid", valid + 1);
        Files.write(file, CanonicalJson.encode(json));
        var r = verify();
        assertFailsWith(r, "VFY-TOTALS");
        assertThat(r.out())
                .contains(
                        "VFY-TOTALS at results/C1/official.json unit " + unit + " field valid",
                        "expected " + (valid + 1),
                        "computed " + valid);
        assertThat(r.status("VFY-LEAVES")).isEqualTo("ok");
        assertThat(r.status("VFY-ENTRIES")).isEqualTo("ok");
    }

    @Test
    void changeOnePublishedVoteCountNamesTheChoice() throws Exception {
        Path file = pub.resolve("results/C1/consensus.json");
        String text = Files.readString(file);
        String edited = text.replaceFirst("\"votes\":\\[(\\d+),(\\d+)", "\"votes\":[$1,1$2");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(file, edited);
        var r = verify();
        assertFailsWith(r, "VFY-TOTALS");
        assertThat(r.out()).contains("results/C1/consensus.json unit ", "field votes[1] (choice C1-L2)");
    }

    @Test
    void truncateRemovesTheLastBundleFailsVfyLeaves() throws IOException {
        Path last = partialBundle();
        Files.delete(last);
        var r = verify();
        assertFailsWith(r, "VFY-LEAVES");
        assertThat(r.out())
                .contains("TILE-ENT-1 at " + pub.relativize(last), "the publication lacks this entry bundle");
    }

    @Test
    void truncateShortensThePartialBundleFailsVfyLeaves() throws IOException {
        Path last = partialBundle();
        int width = (int) (size() % 256);
        List<byte[]> entries = entries(last, width);
        entries.remove(entries.size() - 1);
        Files.write(last, new EntryBundle(entries).encode());
        var r = verify();
        assertFailsWith(r, "VFY-LEAVES");
        assertThat(r.out()).contains("bundle holds " + (width - 1) + " entries, want " + width);
    }

    @Test
    void forkedCheckpointSignedWithTheRightKeyFailsVfyRoot() throws IOException {
        NoteSigner logKey = VerifyFixture.signer(data);
        Checkpoint real = Checkpoint.parse(Note.parse(Files.readString(pub.resolve("checkpoint")))
                        .orElseThrow()
                        .text())
                .orElseThrow();
        byte[] otherRoot = real.rootHash();
        otherRoot[0] ^= 1;
        Checkpoint fork = Checkpoint.of(real.origin(), real.size(), otherRoot);
        Files.writeString(
                pub.resolve("checkpoint"), SignedCheckpoint.sign(fork, logKey).format());
        var r = verify();
        assertFailsWith(r, "VFY-ROOT");
        assertThat(r.status("VFY-SIG")).isEqualTo("ok");
        assertThat(r.out()).contains("TILE-HASH-2", "the root computed from the tiles is not the checkpoint root");
    }

    @Test
    void checkpointSignedWithAnotherKeyFailsVfySig() throws IOException {
        Checkpoint real = Checkpoint.parse(Note.parse(Files.readString(pub.resolve("checkpoint")))
                        .orElseThrow()
                        .text())
                .orElseThrow();
        NoteSigner impostor = NoteSigner.generate(real.origin(), VerifierKey.TYPE_ED25519);
        Files.writeString(
                pub.resolve("checkpoint"), SignedCheckpoint.sign(real, impostor).format());
        var r = verify();
        assertFailsWith(r, "VFY-SIG");
        assertThat(r.out())
                .contains(
                        "NOTE-SIG-1",
                        "signatures by " + real.origin() + "+"
                                + impostor.verifierKey().keyIdHex());
    }

    @Test
    void noPublishedResultsIsNothingToCheck() throws IOException {
        VerifyFixture.copyTree(pub.resolve("tile"), dir.resolve("bare/tile"));
        Files.copy(pub.resolve("checkpoint"), dir.resolve("bare/checkpoint"));
        var r = run(
                "verify",
                dir.resolve("bare").toString(),
                "--key",
                VerifyFixture.key(data).toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.status("VFY-TOTALS")).isEqualTo("skip");
        assertThat(r.out()).contains("no published totals to check");
    }

    @Test
    void aResultsFileTheLogDoesNotImplyFailsVfyTotals() throws IOException {
        Files.copy(pub.resolve("results/C1/official.json"), pub.resolve("results/C1/source/extra.json"));
        var r = verify();
        assertFailsWith(r, "VFY-TOTALS");
        assertThat(r.out()).contains("results/C1/source/extra.json", "does not imply");
    }

    @Test
    void usageAndIoErrorsExitTwoWithoutStackTrace() {
        var noKey = run("verify", pub.toString());
        assertThat(noKey.code()).isEqualTo(2);
        var badKey = run("verify", pub.toString(), "--key", "not-a-key");
        assertThat(badKey.code()).isEqualTo(2);
        assertThat(badKey.err()).contains("error: ", "not a verifier key").doesNotContain("\tat ");
        var noDir = run(
                "verify",
                dir.resolve("nope").toString(),
                "--key",
                VerifyFixture.key(data).toString());
        assertThat(noDir.code()).isEqualTo(2);
        assertThat(noDir.err()).contains("no such directory").doesNotContain("\tat ");
        var notALog =
                run("verify", dir.toString(), "--key", VerifyFixture.key(data).toString());
        assertThat(notALog.code()).isEqualTo(2);
        assertThat(notALog.err()).contains("no checkpoint at");
        var quorumAlone =
                run("verify", pub.toString(), "--key", VerifyFixture.key(data).toString(), "--quorum", "1");
        assertThat(quorumAlone.code()).isEqualTo(2);
    }
}
