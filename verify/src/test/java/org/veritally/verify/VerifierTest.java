package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.translog.Cosignature;
import org.veritally.translog.Note;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * The verifier over a publication built in memory ({@link MemoryLog}): the clean log verifies, and
 * each mutation fails the check named in the test. The end-to-end attack tests on a real {@code
 * publish} output are in the app module ({@code VerifyAttackTest}).
 */
class VerifierTest {
    static final NoteSigner LOG = NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519);
    static final List<byte[]> ENTRIES = MemoryLog.election(150, 2, 42); // 2 full bundles and a partial one

    static Report verify(MemoryLog log) {
        return new Verifier(LOG.verifierKey(), List.of(), 0).verify(log);
    }

    static CheckResult.Status status(Report r, Check c) {
        return r.result(c).orElseThrow().status();
    }

    @Test
    void cleanLogVerifies() {
        Report r = verify(MemoryLog.publish(ENTRIES, LOG));
        assertThat(r.verified()).as(ReportFormat.text(r)).isTrue();
        assertThat(r.checks())
                .extracting(c -> c.check().id())
                .containsExactly(
                        "VFY-SIG", "VFY-WITNESS", "VFY-TILES", "VFY-LEAVES", "VFY-ROOT", "VFY-ENTRIES", "VFY-TOTALS");
        assertThat(r.checks())
                .filteredOn(c -> c.check() != Check.VFY_WITNESS)
                .allMatch(c -> c.status() == CheckResult.Status.PASS);
        assertThat(r.treeSize()).isEqualTo(ENTRIES.size());
        assertThat(r.entries()).isEqualTo(ENTRIES.size());
    }

    @Test
    void signedEntryThatBreaksARuleFailsVfyEntries() {
        List<byte[]> entries = new ArrayList<>(ENTRIES);
        int last = entries.size() - 1;
        String sheet = new String(entries.get(last), StandardCharsets.UTF_8);
        entries.set(
                last, sheet.replaceFirst("\"valid\":(\\d+)", "\"valid\":1$1").getBytes(StandardCharsets.UTF_8));
        Report r = verify(MemoryLog.publish(entries, LOG)); // hashed, tiled and signed by the log's own key
        assertThat(status(r, Check.VFY_SIG)).isEqualTo(CheckResult.Status.PASS);
        assertThat(status(r, Check.VFY_LEAVES)).isEqualTo(CheckResult.Status.PASS);
        assertThat(status(r, Check.VFY_ROOT)).isEqualTo(CheckResult.Status.PASS);
        CheckResult e = r.result(Check.VFY_ENTRIES).orElseThrow();
        assertThat(e.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(e.mismatches().get(0).rule().id()).isEqualTo("TS-SUM"); // the rulebook's own rule ID
        assertThat(e.mismatches().get(0).location()).startsWith("entry " + last);
    }

    @Test
    void signedNonCanonicalEntryFailsVfyEntries() {
        List<byte[]> entries = new ArrayList<>(ENTRIES);
        entries.set(
                10,
                (new String(entries.get(10), StandardCharsets.UTF_8).replaceFirst(",", ", "))
                        .getBytes(StandardCharsets.UTF_8));
        Report r = verify(MemoryLog.publish(entries, LOG));
        assertThat(r.result(Check.VFY_ENTRIES).orElseThrow().mismatches())
                .extracting(m -> m.rule().id())
                .contains("LOG-CANON");
    }

    @Test
    void editedTotalNamesTheFileUnitFieldAndBothValues() throws Exception {
        MemoryLog log = MemoryLog.publish(ENTRIES, LOG);
        String path = "results/C1/source/" + "authority" + ".json";
        Map<String, Object> json = JsonTree.asObject(JsonTree.parse(log.files.get(path)));
        String unit = JsonTree.asObject(json.get("units")).keySet().iterator().next();
        String text = new String(log.files.get(path), StandardCharsets.UTF_8);
        int at = text.indexOf("\"" + unit + "\":{");
        int blank = text.indexOf("\"blank\":", at) + 8;
        int end = blank;
        while (Character.isDigit(text.charAt(end))) {
            end++;
        }
        long was = Long.parseLong(text.substring(blank, end));
        log.files.put(
                path, (text.substring(0, blank) + (was + 5) + text.substring(end)).getBytes(StandardCharsets.UTF_8));
        Report r = verify(log);
        CheckResult t = r.result(Check.VFY_TOTALS).orElseThrow();
        assertThat(t.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(t.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.location()).isEqualTo(path + " unit " + unit + " field blank");
            assertThat(m.expected()).hasValue(Long.toString(was + 5));
            assertThat(m.found()).hasValue(Long.toString(was));
        });
        assertThat(r.failures()).extracting(c -> c.check()).containsExactly(Check.VFY_TOTALS);
    }

    @Test
    void tamperedFullHashTileFailsVfyTiles() {
        MemoryLog log = MemoryLog.publish(MemoryLog.election(300, 1, 1), LOG);
        assertThat(log.size).isGreaterThan(256);
        log.files.get("tile/0/000")[5] ^= 1;
        Report r = verify(log);
        assertThat(r.result(Check.VFY_TILES).orElseThrow().mismatches())
                .extracting(m -> m.rule().id())
                .containsExactly("TILE-HASH-1");
        assertThat(status(r, Check.VFY_LEAVES)).isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void missingHashTileFailsVfyTilesAndCannotMakeTheRoot() {
        MemoryLog log = MemoryLog.publish(ENTRIES, LOG);
        String partial = log.files.keySet().stream()
                .filter(p -> p.startsWith("tile/1/"))
                .findFirst()
                .orElseThrow();
        log.files.remove(partial);
        Report r = verify(log);
        assertThat(r.result(Check.VFY_TILES).orElseThrow().mismatches()).anySatisfy(m -> {
            assertThat(m.location()).isEqualTo(partial);
            assertThat(m.found()).hasValue("absent");
        });
        assertThat(status(r, Check.VFY_ROOT)).isEqualTo(CheckResult.Status.SKIP);
    }

    @Test
    void witnessCosignaturesCountTowardsTheQuorum() {
        MemoryLog log = MemoryLog.publish(ENTRIES, LOG);
        NoteSigner w1 = NoteSigner.generate("w1.example", VerifierKey.TYPE_COSIGNATURE);
        NoteSigner w2 = NoteSigner.generate("w2.example", VerifierKey.TYPE_COSIGNATURE);
        Note note = Note.parse(log.files.get("checkpoint")).orElseThrow();
        log.files.put(
                "checkpoint",
                note.withSignature(Cosignature.sign(w1, note.text(), 1_700_000_000L)
                                .toNoteSignature())
                        .format()
                        .getBytes(StandardCharsets.UTF_8));
        VerifierKey k1 = w1.verifierKey();
        VerifierKey k2 = w2.verifierKey();
        assertThat(new Verifier(LOG.verifierKey(), List.of(k1), 1).verify(log).verified())
                .isTrue();
        assertThat(new Verifier(LOG.verifierKey(), List.of(k1, k2), 1)
                        .verify(log)
                        .verified())
                .isTrue();
        Report all = new Verifier(LOG.verifierKey(), List.of(k1, k2), 0).verify(log);
        assertThat(all.failures()).extracting(CheckResult::check).containsExactly(Check.VFY_WITNESS);
        Report tooMany = new Verifier(LOG.verifierKey(), List.of(k1), 2).verify(log);
        assertThat(tooMany.result(Check.VFY_WITNESS).orElseThrow().mismatches())
                .extracting(m -> m.rule().id())
                .contains("COSIG-QUORUM-1");
        assertThat(verify(log).verified())
                .as("the log key ignores cosignature lines")
                .isTrue();
    }

    @Test
    void jsonReportHasTheVerdictAndEveryCheck() throws Exception {
        MemoryLog log = MemoryLog.publish(ENTRIES, LOG);
        log.files.get("tile/entries/000")[40] ^= 1;
        Map<String, Object> json =
                JsonTree.asObject(JsonTree.parse(ReportFormat.json(verify(log)).getBytes(StandardCharsets.UTF_8)));
        assertThat(json).containsEntry("verified", false).containsEntry("treeSize", (long) ENTRIES.size());
        List<Object> checks = JsonTree.asList(json.get("checks"));
        assertThat(checks).hasSize(7);
        Map<String, Object> leaves = JsonTree.asObject(checks.get(3));
        assertThat(leaves)
                .containsEntry("id", "VFY-LEAVES")
                .containsEntry("status", "fail")
                .containsKeys("name", "detail");
        Map<String, Object> first =
                JsonTree.asObject(JsonTree.asList(leaves.get("mismatches")).get(0));
        assertThat(first).containsKeys("rule", "where", "expected", "computed");
    }

    @Test
    void keysOfTheWrongTypeAreRefused() {
        VerifierKey witness =
                NoteSigner.generate("w", VerifierKey.TYPE_COSIGNATURE).verifierKey();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Verifier(witness, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTE-KEY-2");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Verifier(LOG.verifierKey(), List.of(LOG.verifierKey()), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
