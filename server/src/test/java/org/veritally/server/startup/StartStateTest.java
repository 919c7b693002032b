package org.veritally.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.Correction;
import org.veritally.core.model.TallySheet;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.asof.AsOfFixture;
import org.veritally.server.asof.Snapshots;
import org.veritally.server.state.ElectionState;
import org.veritally.store.StoreHashReader;
import org.veritally.testkit.Seeds;
import org.veritally.translog.LogHasher;

/**
 * Start-up from a snapshot (issue 15): the state loaded from the newest snapshot, the catalogue image and the
 * entries after it equals the state the projections give, and takes writes as it does; a snapshot or an image
 * that is corrupt, of another log or too old is not used (the projections are, and the reason is said), and the
 * integrity check still finds projections that do not match the log.
 */
class StartStateTest {
    private static final long EVERY = 37;

    @TempDir
    Path tmp;

    /**
     * A data directory of the as-of fixture (corrections, announcements) with snapshots every {@value #EVERY}
     * entries and the catalogue image written by a second opening, as {@code serve} leaves them.
     */
    private Path prepared(String name, long seed) {
        Path dir = tmp.resolve(name);
        try (Instance in = AsOfFixture.announced(dir, 120, seed)) {
            new Snapshots(
                            in.store(),
                            dir.resolve("snapshots"),
                            EVERY,
                            () -> in.state().catalogue())
                    .takeDue();
            assertThat(in.store().logSize() % EVERY)
                    .as("entries after the newest snapshot")
                    .isPositive();
        }
        try (Instance in = Instance.open(dir)) {
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.PROJECTIONS);
            assertThat(in.startUp().note()).contains("there is no catalogue image yet");
            assertThat(in.keepCatalogueImage()).as("the image is written").isTrue();
        }
        return dir;
    }

    @Test
    void aStartFromTheNewestSnapshotEqualsTheProjectionsAndReplaysOnlyTheEntriesAfterIt() {
        Path dir = prepared("data", Seeds.seed("start-up fixture", 15L));
        try (Instance in = Instance.open(dir)) {
            long size = in.store().logSize();
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.SNAPSHOT);
            assertThat(in.startUp().snapshotSize()).isEqualTo(size / EVERY * EVERY);
            assertThat(in.startUp().replayed()).isEqualTo(size % EVERY);
            assertThat(in.startUp().imageCurrent()).isTrue();
            assertThat(in.keepCatalogueImage())
                    .as("an image that covers the catalogue is kept")
                    .isFalse();
            assertSameState(in.state(), fromProjections(in));
            assertThat(in.integrity().checkNow())
                    .as("the restored state is the log's")
                    .isInstanceOf(org.veritally.server.integrity.IntegrityMonitor.Passed.class);
        }
    }

    /**
     * Attack (INTEG-START): a snapshot whose content and SHA-256 were both rewritten (a vote moved into a tally)
     * passes every check of the file and is restored and served; the integrity check's replay of the log at its
     * size finds it.
     */
    @Test
    void integStartASnapshotRewrittenWithItsHashIsServedButTheIntegrityCheckFindsIt() throws IOException {
        Path dir = prepared("data", 29);
        long newest;
        try (Instance in = Instance.open(dir)) {
            newest = in.startUp().snapshotSize();
        }
        Path snap = dir.resolve("snapshots").resolve(String.format("%020d.snap", newest));
        org.veritally.server.asof.SnapshotTamper.rewriteTotals(snap, t -> t.votes()[0] += 1);
        try (Instance in = Instance.open(dir)) {
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.SNAPSHOT);
            assertThat(in.startUp().snapshotSize())
                    .as("the rewritten snapshot is used")
                    .isEqualTo(newest);
            var failure = failed(in.integrity().checkNow());
            assertThat(failure.rule()).isEqualTo(org.veritally.server.integrity.IntegrityRule.INTEG_START);
            assertThat(failure.location()).startsWith("restored state of log size " + newest + ", tally ");
            assertThat(in.integrity().failure()).contains(failure);
        }
    }

    /**
     * Attack (INTEG-START): a catalogue image whose content and SHA-256 were both rewritten (a station's registered
     * voters) is bound to the log by its root alone, so start-up uses it; the integrity check finds the station.
     */
    @Test
    void integStartACatalogueImageRewrittenWithItsHashIsFoundByTheIntegrityCheck() throws IOException {
        Path dir = prepared("data", 30);
        Path image = dir.resolve("snapshots").resolve(StartState.IMAGE);
        var ci = CatalogueImageFile.decode(Files.readAllBytes(image));
        var stations = new java.util.ArrayList<>(ci.stations());
        var s = stations.get(3);
        stations.set(3, new org.veritally.core.model.Station(s.id(), s.name(), s.unitId(), s.registeredVoters() + 7));
        Files.write(image, CatalogueImageFile.encode(new CatalogueImage(ci.size(), ci.root(), ci.units(), stations)));
        try (Instance in = Instance.open(dir)) {
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.SNAPSHOT);
            assertThat(in.state().catalogue().station(3).registeredVoters()).isEqualTo(s.registeredVoters() + 7);
            var failure = failed(in.integrity().checkNow());
            assertThat(failure.rule()).isEqualTo(org.veritally.server.integrity.IntegrityRule.INTEG_START);
            assertThat(failure.location()).endsWith(", catalogue station 3");
        }
    }

    private static org.veritally.server.integrity.Mismatch failed(
            org.veritally.server.integrity.IntegrityMonitor.Status status) {
        assertThat(status).isInstanceOf(org.veritally.server.integrity.IntegrityMonitor.Failed.class);
        return ((org.veritally.server.integrity.IntegrityMonitor.Failed) status).mismatch();
    }

    @Test
    void aStateStartedFromASnapshotTakesWritesAsTheProjectionsStateDoes() {
        Path dir = prepared("data", 21);
        try (Instance in = Instance.open(dir)) {
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.SNAPSHOT);
            var g = new org.veritally.formats.generate.SyntheticElection(120, 2, 4, 3, 21);
            var sheets = Fixtures.sheets(g, g.definition());
            long before = in.store().logSize();
            correct(in, sheets.get(7), "recount after start-up");
            assertThat(in.store().logSize()).isEqualTo(before + 1);
            assertSameState(in.state(), fromProjections(in));
        }
    }

    /**
     * The served state shares the catalogue image's catalogue with the snapshots' restores (no second copy is
     * built at start-up): a station defined afterwards goes into a copy of it, so a restore at the snapshot's size
     * still finds the catalogue of that size (before, the shared one grew and the snapshot was set aside as corrupt).
     */
    @Test
    void aStationDefinedAfterAStartFromASnapshotLeavesTheSnapshotsCatalogueAsItWas() {
        Path dir = prepared("data", 28);
        try (Instance in = Instance.open(dir)) {
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.SNAPSHOT);
            long snap = in.startUp().snapshotSize();
            int stations = in.state().catalogue().stationCount();
            var d = new org.veritally.formats.generate.SyntheticElection(120, 2, 4, 3, 28).definition();
            var more = new java.util.ArrayList<>(d.stations());
            more.add(new org.veritally.core.model.Station(
                    "late-1", "Late", d.stations().get(0).unitId(), 10));
            var r = in.define()
                    .define(
                            new org.veritally.formats.Definition(d.election(), d.units(), more, d.sources()),
                            "test",
                            "late station");
            assertThat(r.problems()).isEmpty();
            assertThat(in.state().catalogue().stationCount()).isEqualTo(stations + 1);
            var asOf = in.asOf().snapshots().orElseThrow().restoreAtMost(snap).orElseThrow();
            assertThat(asOf.logSize()).as("the snapshot is still used").isEqualTo(snap);
            assertThat(asOf.catalogue().stationCount()).isEqualTo(stations);
            assertSameState(in.state(), fromProjections(in));
        }
    }

    @Test
    void aCorruptCatalogueImageIsNotUsedTheProjectionsAreAndItIsWrittenAgain() throws IOException {
        Path dir = prepared("data", 22);
        Path image = dir.resolve("snapshots").resolve(StartState.IMAGE);
        byte[] bytes = Files.readAllBytes(image);
        bytes[bytes.length / 2] ^= 0x01; // one bit of a station
        Files.write(image, bytes);
        try (Instance in = Instance.open(dir)) {
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.PROJECTIONS);
            assertThat(in.startUp().note()).contains("the catalogue image is corrupt", "SHA-256");
            assertThat(in.keepCatalogueImage()).isTrue();
        }
        try (Instance in = Instance.open(dir)) {
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.SNAPSHOT);
            assertSameState(in.state(), fromProjections(in));
        }
    }

    @Test
    void aCatalogueImageOfAnotherLogIsRefusedByItsRoot() throws IOException {
        Path other = prepared("other", 23);
        Path dir = prepared("data", 24);
        Path image = dir.resolve("snapshots").resolve(StartState.IMAGE);
        Files.copy(other.resolve("snapshots").resolve(StartState.IMAGE), image, StandardCopyOption.REPLACE_EXISTING);
        try (Instance in = Instance.open(dir)) {
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.PROJECTIONS);
            assertThat(in.startUp().note()).contains("the catalogue image is not of this log");
        }
    }

    @Test
    void aCorruptNewestSnapshotIsSetAsideAndTheOneBelowIsUsed() throws IOException {
        Path dir = prepared("data", 25);
        long newest;
        try (Instance in = Instance.open(dir)) {
            newest = in.startUp().snapshotSize();
        }
        Path snap = dir.resolve("snapshots").resolve(String.format("%020d.snap", newest));
        byte[] bytes = Files.readAllBytes(snap);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(snap, bytes);
        try (Instance in = Instance.open(dir)) {
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.SNAPSHOT);
            assertThat(in.startUp().snapshotSize()).isEqualTo(newest - EVERY);
            assertThat(in.startUp().note()).contains("the snapshot of size " + newest + " was refused");
            assertSameState(in.state(), fromProjections(in));
        }
    }

    @Test
    void aSnapshotTooFarBehindTheLogIsNotUsed() {
        Path dir = prepared("data", 26);
        try (Instance in = Instance.open(dir)) {
            var loaded = StartState.load(
                    in.store(),
                    in.asOf().snapshots(),
                    dir.resolve("snapshots").resolve(StartState.IMAGE),
                    1,
                    c -> {},
                    () -> fromProjections(in));
            assertThat(loaded.how().from()).isEqualTo(StartUp.From.PROJECTIONS);
            assertThat(loaded.how().note()).contains("entries behind the log (more than 1)");
        }
    }

    @Test
    void integProjProjectionsThatDoNotMatchTheLogAreStillFoundWhenTheStateCameFromASnapshot() throws SQLException {
        Path dir = prepared("data", 27);
        try (Instance in = Instance.open(dir)) {
            String[] row = {null, null, null};
            in.store().query("SELECT unit, contest, source FROM unit_total ORDER BY unit LIMIT 1", List.of(), rs -> {
                for (int i = 0; i < 3; i++) row[i] = org.veritally.store.Store.getString(rs, i + 1);
            });
            exec(
                    in.store(),
                    "UPDATE unit_total SET valid = valid + 1 WHERE unit = ? AND contest = ? AND source = ?",
                    row[0],
                    row[1],
                    row[2]);
        }
        try (Instance in = Instance.open(dir)) {
            assertThat(in.startUp().from()).isEqualTo(StartUp.From.SNAPSHOT);
            var status = in.integrity().checkNow();
            assertThat(status).isInstanceOf(org.veritally.server.integrity.IntegrityMonitor.Failed.class);
            var failure = ((org.veritally.server.integrity.IntegrityMonitor.Failed) status).mismatch();
            assertThat(failure.rule()).isEqualTo(org.veritally.server.integrity.IntegrityRule.INTEG_PROJ);
            assertThat(failure.location()).startsWith("unit_total row ");
        }
    }

    private static ElectionState fromProjections(Instance in) {
        return in.store().readSnapshot(() -> ElectionState.load(in.store(), new StoreHashReader(in.store())));
    }

    /** The whole state, part by part. */
    static void assertSameState(ElectionState got, ElectionState want) {
        assertThat(got.logSize()).isEqualTo(want.logSize());
        var h = LogHasher.create();
        assertThat(got.range().root(h)).isEqualTo(want.range().root(h));
        var gc = got.catalogue();
        var wc = want.catalogue();
        assertThat(gc.unitCount()).isEqualTo(wc.unitCount());
        assertThat(gc.stationCount()).isEqualTo(wc.stationCount());
        assertThat(gc.units()).isEqualTo(wc.units());
        for (int i = 0; i < wc.stationCount(); i++) assertThat(gc.station(i)).isEqualTo(wc.station(i));
        for (int u = 0; u < wc.unitCount(); u++) {
            assertThat(gc.stationsBelow(u)).isEqualTo(wc.stationsBelow(u));
            assertThat(gc.registeredBelow(u)).isEqualTo(wc.registeredBelow(u));
            assertThat(gc.stationsOf(u)).isEqualTo(wc.stationsOf(u));
        }
        assertThat(got.tabulation().sources()).isEqualTo(want.tabulation().sources());
        assertThat(got.tabulation().snapshot()).isEqualTo(want.tabulation().snapshot());
        assertThat(copies(got)).isEqualTo(copies(want));
        int slots = wc.stationCount() * want.requireElection().contests().size();
        var g = got.reconciliation().image(slots);
        var w = want.reconciliation().image(slots);
        assertThat(g.status()).isEqualTo(w.status());
        assertThat(g.consensus()).isEqualTo(w.consensus());
        assertThat(got.reconciliation().summary(slots))
                .usingRecursiveComparison()
                .isEqualTo(want.reconciliation().summary(slots));
        assertThat(got.announcements()).isEqualTo(want.announcements());
        assertThat(got.evidenceCount()).isEqualTo(want.evidenceCount());
    }

    private static Map<Long, List<Long>> copies(ElectionState s) {
        Map<Long, List<Long>> m = new HashMap<>();
        s.sheets().forEach((k, e, c, o) -> m.put(k, List.of(e, c, o)));
        return m;
    }

    /** Supersedes the current copy of {@code s} with one that moves a vote from the first choice to the second. */
    private static void correct(Instance in, TallySheet s, String reason) {
        long idx = in.store()
                .currentSheet(s.stationId(), s.contestId(), s.sourceId())
                .orElseThrow()
                .entryIdx();
        long[] v = s.votes().clone();
        v[0]--;
        v[1]++;
        var o = Fixtures.submit(
                in,
                new TallySheet(
                        s.stationId(),
                        s.contestId(),
                        s.sourceId(),
                        s.counts(),
                        v,
                        Optional.of(new Correction(idx, reason))));
        assertThat(o.rejected()).isEmpty();
    }

    /** Runs {@code sql} on a connection of its own, as an operator's database client would. */
    private static void exec(org.veritally.store.Store s, String sql, Object... args) throws SQLException {
        var db = s.database();
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                var p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            p.execute();
        }
    }
}
