package org.veritally.server.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Station;
import org.veritally.server.Instance;
import org.veritally.server.state.ElectionState;
import org.veritally.testkit.Seeds;
import org.veritally.translog.LogHasher;

/**
 * The state as of log size N built from the nearest snapshot and the entries after it equals a fresh replay of
 * the first N entries (the reference of {@link StatesAsOfTest}, and the replay from entry 0), for seeded random
 * N; a corrupt snapshot, or one of another log, is not used.
 */
class SnapshotsTest {
    private static final long EVERY = 37;

    @TempDir
    Path dir;

    private static Snapshots snapshots(Instance in, Path shelf) {
        return new Snapshots(in.store(), shelf, EVERY, () -> in.state().catalogue());
    }

    /**
     * The fixture's log, then an announcement, a station added to the catalogue with its sheet, and more
     * corrections than two snapshots' worth, so that snapshots fall after each.
     */
    static Instance grownAndExtended(Path dir, long seed) {
        Instance in = AsOfFixture.grown(dir, 120, seed);
        var d = in.state().requireElection();
        var contest = d.contests().get(0);
        var none = OptionalLong.empty();
        var an = new Announcement(
                "bulletin-1",
                "Bulletin 1",
                "2024-07-29T00:10:00-04:00",
                contest.id(),
                OptionalLong.of(8_000),
                none,
                none,
                none,
                none,
                none,
                none,
                none,
                Map.of(contest.candidates().get(0).id(), 300L),
                none);
        assertThat(in.announcements().record(an, "test", "request").problems()).isEmpty();
        var g = new org.veritally.formats.generate.SyntheticElection(120, 2, 4, 3, seed).definition();
        String unit = g.units().get(g.units().size() - 1).id();
        List<Station> stations = new java.util.ArrayList<>(g.stations());
        stations.add(new Station("LATE-1", "Late station", unit, 450));
        var later = new org.veritally.formats.Definition(g.election(), g.units(), stations, g.sources());
        assertThat(in.define().define(later, "test", "a station added late").problems())
                .isEmpty();
        var sheets = org.veritally.server.Fixtures.sheets(
                new org.veritally.formats.generate.SyntheticElection(120, 2, 4, 3, seed), g);
        var first = sheets.get(0);
        assertThat(org.veritally.server.Fixtures.submit(
                                in,
                                new org.veritally.core.model.TallySheet(
                                        "LATE-1",
                                        first.contestId(),
                                        first.sourceId(),
                                        first.counts(),
                                        first.votes(),
                                        Optional.empty()))
                        .rejected())
                .isEmpty();
        for (int i = 3; i < 3 + 2 * EVERY; i++) AsOfFixture.correct(in, sheets.get(i), "recounted");
        return in;
    }

    @Test
    void asOfFromTheNearestSnapshotEqualsAFreshReplayOfThatPrefix() {
        long seed = Seeds.seed("as-of sizes from snapshots", 18L);
        try (Instance in = grownAndExtended(dir.resolve("data"), 7)) {
            long size = in.store().logSize();
            Snapshots snaps = snapshots(in, dir.resolve("snapshots"));
            assertThat(snaps.takeDue()).isEqualTo((int) (size / EVERY));
            assertThat(snaps.takeDue()).as("nothing more is due").isZero();
            StatesAsOf asOf = new StatesAsOf(in.store(), Optional.of(snaps));
            Random rnd = new Random(seed);
            List<Long> sizes = new java.util.ArrayList<>(List.of(size, EVERY, 2 * EVERY + 1, size / EVERY * EVERY));
            for (int i = 0; i < 10; i++) sizes.add(3 + (long) rnd.nextInt((int) size - 2));
            for (long n : sizes) {
                AsOf a = asOf.at(n);
                assertThat(snaps.restoreAtMost(n).map(ElectionState::logSize))
                        .as("the snapshot below %d", n)
                        .isEqualTo(n < EVERY ? Optional.empty() : Optional.of(n / EVERY * EVERY));
                assertThat(StatesAsOfTest.asOf(a.state(), n))
                        .as("as of %d", n)
                        .isEqualTo(StatesAsOfTest.reference(in.store(), n));
                assertSameState(a.state(), StatesAsOf.replay(in.store(), n));
            }
        }
    }

    @Test
    void aSnapshotWrittenAgainFromItsPredecessorHasTheSameBytes() throws IOException {
        try (Instance in = grownAndExtended(dir.resolve("data"), 5)) {
            Snapshots snaps = snapshots(in, dir.resolve("snapshots"));
            snaps.takeDue();
            long last = snaps.shelf().sizes().get(snaps.shelf().sizes().size() - 1);
            byte[] before = Files.readAllBytes(snaps.shelf().file(last));
            Files.delete(snaps.shelf().file(last));
            Snapshots again = snapshots(in, dir.resolve("snapshots"));
            assertThat(again.takeDue()).isEqualTo(1);
            assertThat(Files.readAllBytes(again.shelf().file(last))).isEqualTo(before);
            Snapshot decoded = again.shelf().read(last);
            assertThat(SnapshotCodec.encode(decoded)).isEqualTo(before);
        }
    }

    @Test
    void aCorruptSnapshotIsSetAsideAndTheAnswerComesFromTheOneBelow() throws IOException {
        try (Instance in = grownAndExtended(dir.resolve("data"), 9)) {
            snapshots(in, dir.resolve("snapshots")).takeDue();
            // a restart: the taker keeps the layers it wrote open, mapped, and a file is only ever replaced whole
            Snapshots snaps = snapshots(in, dir.resolve("snapshots"));
            long target = 3 * EVERY;
            Path file = snaps.shelf().file(target);
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x01; // one bit in the copies
            Files.write(file, bytes);
            long n = target + 5;
            AsOf a = new StatesAsOf(in.store(), Optional.of(snaps)).at(n);
            assertThat(StatesAsOfTest.asOf(a.state(), n)).isEqualTo(StatesAsOfTest.reference(in.store(), n));
            assertThat(snaps.shelf().has(target)).isFalse();
            assertThat(file.resolveSibling(file.getFileName() + ".corrupt")).exists();
            assertThat(snaps.restoreAtMost(n).orElseThrow().logSize()).isEqualTo(target - EVERY);
            assertThat(snaps.takeDue())
                    .as("the snapshot set aside is taken again")
                    .isEqualTo(1);
            assertThat(snaps.restoreAtMost(n).orElseThrow().logSize()).isEqualTo(target);
        }
    }

    @Test
    void aSnapshotOfAnotherLogIsRefusedByItsRoot() throws IOException {
        Path other = dir.resolve("other-snapshots");
        try (Instance in = grownAndExtended(dir.resolve("other"), 11)) {
            snapshots(in, other).takeDue();
        }
        try (Instance in = grownAndExtended(dir.resolve("data"), 12)) {
            snapshots(in, dir.resolve("snapshots")).takeDue();
            Snapshots snaps = snapshots(in, dir.resolve("snapshots")); // a restart, as above
            long target = 2 * EVERY;
            Files.copy(
                    other.resolve(snaps.shelf().file(target).getFileName()),
                    snaps.shelf().file(target),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(snaps.restoreAtMost(target).orElseThrow().logSize()).isEqualTo(EVERY);
            assertThat(snaps.shelf().has(target)).isFalse();
        }
    }

    @Test
    void aSnapshotIsReadInPlaceAndTheStateAfterItsReplayEqualsAFreshReplay() {
        long seed = Seeds.seed("as-of sizes read in place", 180L);
        try (Instance in = grownAndExtended(dir.resolve("data"), 13)) {
            long size = in.store().logSize();
            Snapshots snaps = snapshots(in, dir.resolve("snapshots"));
            snaps.takeDue();
            for (long s : snaps.shelf().sizes())
                assertThat(MappedSnapshot.open(snaps.shelf().file(s)).inPlace())
                        .as("snapshot %d is ordered", s)
                        .isTrue();
            Random rnd = new Random(seed);
            for (int i = 0; i < 6; i++) {
                long n = EVERY + rnd.nextInt((int) (size - EVERY));
                ElectionState got = snaps.restoreAtMost(n).orElseThrow();
                ElectionState want = StatesAsOf.replay(in.store(), got.logSize());
                assertSameState(got, want);
                // the replay after it writes over the snapshot's copies and tallies, never into the file
                StatesAsOf.replayTo(
                        got, org.veritally.server.intake.ReplayLog.following(got, in.store()), in.store(), n, x -> {});
                assertSameState(got, StatesAsOf.replay(in.store(), n));
                assertSameState(snaps.restoreAtMost(n).orElseThrow(), want);
            }
        }
    }

    @Test
    void aSnapshotWhoseCopiesAreNotInOrderIsMaterialisedAndWrittenAgainInOrder() throws IOException {
        try (Instance in = grownAndExtended(dir.resolve("data"), 17)) {
            Snapshots snaps = snapshots(in, dir.resolve("snapshots"));
            snaps.takeDue();
            long target = 2 * EVERY;
            Snapshot s = snaps.shelf().read(target);
            var c = s.copies();
            int n = c.count();
            // the order of an earlier version (the index's hash order): here, reversed
            long[][] rev = new long[4][n];
            for (int i = 0; i < n; i++) {
                rev[0][i] = c.key()[n - 1 - i];
                rev[1][i] = c.entry()[n - 1 - i];
                rev[2][i] = c.core()[n - 1 - i];
                rev[3][i] = c.optional()[n - 1 - i];
            }
            Snapshot old = Snapshot.whole(
                    s.size(),
                    s.range(),
                    s.units(),
                    s.stations(),
                    s.sources(),
                    s.sparse(),
                    s.totals(),
                    new Snapshot.Copies(rev[0], rev[1], rev[2], rev[3]),
                    s.reconciliation());
            byte[] ordered = Files.readAllBytes(snaps.shelf().file(target));
            Files.write(snaps.shelf().file(target), SnapshotCodec.encode(old));
            Snapshots again = snapshots(in, dir.resolve("snapshots"));
            assertThat(MappedSnapshot.open(again.shelf().file(target)).inPlace())
                    .isFalse();
            long at = target + 3;
            AsOf a = new StatesAsOf(in.store(), Optional.of(again)).at(at);
            assertSameState(a.state(), StatesAsOf.replay(in.store(), at));
            assertThat(again.openAll()).isEqualTo(again.shelf().sizes().size());
            assertThat(Files.readAllBytes(again.shelf().file(target))).isEqualTo(ordered);
            assertSameState(again.restoreAtMost(at).orElseThrow(), StatesAsOf.replay(in.store(), target));
        }
    }

    /** The whole state, part by part, as {@link StatesAsOf#replay} from entry 0 builds it. */
    static void assertSameState(ElectionState got, ElectionState want) {
        assertThat(got.logSize()).isEqualTo(want.logSize());
        var h = LogHasher.create();
        assertThat(got.range().root(h)).isEqualTo(want.range().root(h));
        assertThat(got.catalogue().stationCount()).isEqualTo(want.catalogue().stationCount());
        assertThat(got.catalogue().unitCount()).isEqualTo(want.catalogue().unitCount());
        for (int u = 0; u < want.catalogue().unitCount(); u++) {
            assertThat(got.catalogue().stationsBelow(u))
                    .isEqualTo(want.catalogue().stationsBelow(u));
            assertThat(got.catalogue().registeredBelow(u))
                    .isEqualTo(want.catalogue().registeredBelow(u));
        }
        assertThat(got.tabulation().sources()).isEqualTo(want.tabulation().sources());
        assertThat(got.tabulation().snapshot()).isEqualTo(want.tabulation().snapshot());
        assertThat(copies(got)).isEqualTo(copies(want));
        assertThat(got.sheets().size()).isEqualTo(want.sheets().size());
        copies(want).forEach((k, v) -> {
            assertThat(got.sheets().get(k)).isEqualTo(v.get(0));
            assertThat(got.sheets().digest(k).core()).isEqualTo(v.get(1));
        });
        int slots = want.catalogue().stationCount()
                * want.requireElection().contests().size();
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
}
