package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.Universe;
import org.veritally.formats.Definition;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.replay.LogReplay;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * An election's declared universe in the log (docs/coverage.md): the results files carry it where
 * declared and {@code verify} recomputes it (VFY-TOTALS); a catalogue beyond it is CAT-UNIVERSE.
 */
class UniverseVerifyTest {
    static final NoteSigner LOG = NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519);
    static final String PATH = "results/C1/consensus.json";

    /** A synthetic election of 40 stations declared as part of 50, with one unit's universe too. */
    static List<byte[]> entries(long rootStations, long unitStations) {
        SyntheticElection gen = new SyntheticElection(40, 1, 4, 2, 18);
        Definition d = gen.definition();
        String unit = d.units().get(1).id();
        Map<String, String> parent = new java.util.HashMap<>();
        d.units().forEach(u -> parent.put(u.id(), u.parentId()));
        long below = d.stations().stream()
                .filter(s -> {
                    for (String u = s.unitId(); !u.isEmpty(); u = parent.get(u)) if (u.equals(unit)) return true;
                    return false;
                })
                .count();
        long all = d.stations().stream().mapToLong(Station::registeredVoters).sum();
        Election e = d.election()
                .withUniverse(new Universe(
                        rootStations, all + 5_000, List.of(new Universe.Extent(unit, below + unitStations, all))));
        EntryCodec codec = new EntryCodec(Optional.of(e));
        List<byte[]> out = new ArrayList<>();
        out.add(codec.encode(new ElectionEntry(e)));
        out.add(codec.encode(new CatalogueEntry(d.units(), d.stations())));
        d.sources().forEach(s -> out.add(codec.encode(new SourceEntry(s))));
        gen.sheets(d, s -> out.add(codec.encode(new SheetEntry(s))));
        return out;
    }

    static Report verify(MemoryLog log) {
        return new Verifier(LOG.verifierKey(), List.of(), 0).verify(log);
    }

    @Test
    void VFY_TOTALS_aLogWithADeclaredUniverseVerifiesAndItsResultsCarryTheUniverse() throws Exception {
        MemoryLog log = MemoryLog.publish(entries(50, 0), LOG);
        assertThat(verify(log).verified()).as(ReportFormat.text(verify(log))).isTrue();
        Map<String, Object> units = JsonTree.asObject(
                JsonTree.asObject(JsonTree.parse(log.files.get(PATH))).get("units"));
        Map<String, Object> root = JsonTree.asObject(units.get("N"));
        assertThat(root).containsEntry("stationsUniverse", 50L).containsEntry("stationsTotal", 40L);
        long undeclared = units.values().stream()
                .map(JsonTree::asObject)
                .filter(u -> !u.containsKey("stationsUniverse"))
                .count();
        assertThat(undeclared).as("units with no declared universe carry none").isPositive();
    }

    @Test
    void VFY_TOTALS_failsWhenAResultsFileShowsAnotherUniverse() {
        MemoryLog log = MemoryLog.publish(entries(50, 0), LOG);
        String text = new String(log.files.get(PATH), StandardCharsets.UTF_8);
        log.files.put(
                PATH,
                text.replace("\"stationsUniverse\":50", "\"stationsUniverse\":40")
                        .getBytes(StandardCharsets.UTF_8));
        Report r = verify(log);
        CheckResult t = r.result(Check.VFY_TOTALS).orElseThrow();
        assertThat(t.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(t.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.location()).isEqualTo(PATH + " unit N field stationsUniverse");
            assertThat(m.expected()).hasValue("40");
            assertThat(m.found()).hasValue("50");
        });
    }

    @Test
    void CAT_UNIVERSE_aCatalogueWithMoreStationsBelowAUnitThanItsDeclaredUniverseIsRefused() {
        List<byte[]> ok = entries(50, 0);
        LogReplay replay = new LogReplay();
        assertThat(replay.accept(ok.get(0))).isEmpty();
        assertThat(replay.accept(ok.get(1))).isEmpty();

        List<byte[]> unitTooSmall = entries(50, -1);
        LogReplay second = new LogReplay();
        assertThat(second.accept(unitTooSmall.get(0))).isEmpty();
        assertThat(second.accept(unitTooSmall.get(1)))
                .extracting(p -> p.rule().id())
                .containsExactly("CAT-UNIVERSE");

        List<byte[]> rootTooSmall = entries(39, 0);
        LogReplay third = new LogReplay();
        assertThat(third.accept(rootTooSmall.get(0))).isEmpty();
        assertThat(third.accept(rootTooSmall.get(1)))
                .extracting(p -> p.rule().id())
                .containsExactly("CAT-UNIVERSE");
    }

    @Test
    void EL_DEF_aUniverseNamingTheRootAmongItsUnitsOrAUnitTwiceIsRefused() {
        byte[] election = entries(50, 0).get(0);
        String text = new String(election, StandardCharsets.UTF_8);
        String twice = text.replaceFirst("\"units\":\\[(\\{[^}]*\\})\\]", "\"units\":[$1,$1]");
        assertThat(twice).isNotEqualTo(text);
        assertThat(new LogReplay().accept(twice.getBytes(StandardCharsets.UTF_8)))
                .extracting(p -> p.rule().id())
                .contains("EL-DEF");
    }
}
