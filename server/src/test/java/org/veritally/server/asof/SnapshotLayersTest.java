package org.veritally.server.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.server.intake.ReplayLog;
import org.veritally.server.state.ElectionState;
import org.veritally.testkit.Seeds;

/**
 * Snapshots in layers (issue 15): the state of each multiple of K is a layer over the state of its base
 * ({@link Snapshots#baseOf}), and every state restored from a stack of layers equals a fresh replay of that
 * prefix (and the verifier's reference, {@link StatesAsOfTest}) for seeded random sizes; a corrupt layer, base
 * or delta, is refused with its reason and the state below it used; deleting any file never gives a wrong
 * answer; a whole snapshot of the first version is read, then taken again as a layer.
 */
class SnapshotLayersTest {
    private static final long EVERY = 7;

    @TempDir
    Path dir;

    private static Snapshots snapshots(Instance in, Path shelf) {
        return new Snapshots(in.store(), shelf, EVERY, () -> in.state().catalogue());
    }

    @Test
    void everyStateOfLayersEqualsAFreshReplayAndEachLayerHoldsOnlyWhatChangedSinceItsBase() {
        long seed = Seeds.seed("as-of sizes from layers", 15L);
        try (Instance in = SnapshotsTest.grownAndExtended(dir.resolve("data"), 21)) {
            long size = in.store().logSize();
            Snapshots snaps = snapshots(in, dir.resolve("snapshots"));
            assertThat(snaps.takeDue()).isEqualTo((int) (size / EVERY));
            assertThat(size / EVERY).as("enough layers for stacks of 5").isGreaterThanOrEqualTo(31);
            for (long s : snaps.shelf().sizes()) {
                long base = snaps.baseOf(s);
                assertThat(snaps.shelf().base(s)).as("the base of %d", s).contains(base);
                Snapshot layer = snaps.shelf().read(s);
                assertThat(layer.copies().count())
                        .as("the layer of %d over %d holds at most a copy an entry since its base", s, base)
                        .isLessThanOrEqualTo((int) (s - base));
                assertThat(layer.allCopies())
                        .isEqualTo(StatesAsOf.replay(in.store(), s).sheets().size());
            }
            Random rnd = new Random(seed);
            List<Long> sizes = new ArrayList<>(List.of(31 * EVERY, 31 * EVERY + 3, size));
            for (int i = 0; i < 12; i++) sizes.add(EVERY + rnd.nextInt((int) (size - EVERY)));
            for (long n : sizes) {
                ElectionState got = snaps.restoreAtMost(n).orElseThrow();
                assertThat(got.logSize()).as("the state below %d", n).isEqualTo(n / EVERY * EVERY);
                SnapshotsTest.assertSameState(got, StatesAsOf.replay(in.store(), got.logSize()));
                StatesAsOf.replayTo(got, ReplayLog.following(got, in.store()), in.store(), n, x -> {});
                SnapshotsTest.assertSameState(got, StatesAsOf.replay(in.store(), n));
                AsOf a = new StatesAsOf(in.store(), Optional.of(snaps)).at(n);
                assertThat(StatesAsOfTest.asOf(a.state(), n))
                        .as("as of %d", n)
                        .isEqualTo(StatesAsOfTest.reference(in.store(), n));
            }
        }
    }

    @Test
    void theNewestStateIsTakenFirstAndItsLayersAreTheSameWhenTakenFromTheStateBelow() throws IOException {
        try (Instance in = SnapshotsTest.grownAndExtended(dir.resolve("data"), 22)) {
            long last = in.store().logSize() / EVERY;
            Snapshots snaps = snapshots(in, dir.resolve("snapshots"));
            List<Long> chain = new ArrayList<>();
            for (long j = last; j > 0; j &= j - 1) chain.add(0, j * EVERY);
            assertThat(snaps.takeNewest()).isEqualTo(chain.size());
            assertThat(snaps.shelf().sizes()).isEqualTo(chain);
            assertThat(snaps.restoreAtMost(in.store().logSize()).orElseThrow().logSize())
                    .isEqualTo(last * EVERY);
            assertThat(snaps.takeDue()).isEqualTo((int) last - chain.size());
            List<byte[]> first = new ArrayList<>();
            for (long s : chain) first.add(Files.readAllBytes(snaps.shelf().file(s)));
            for (long s : chain) Files.delete(snaps.shelf().file(s));
            Snapshots again = snapshots(in, dir.resolve("snapshots"));
            assertThat(again.takeDue()).isEqualTo(chain.size());
            for (int i = 0; i < chain.size(); i++)
                assertThat(Files.readAllBytes(again.shelf().file(chain.get(i))))
                        .as("the layer of %d taken again from the state below it", chain.get(i))
                        .isEqualTo(first.get(i));
        }
    }

    @Test
    void aCorruptBaseIsRefusedWithItsReasonAndTheStateBelowItIsUsed() throws IOException {
        try (Instance in = SnapshotsTest.grownAndExtended(dir.resolve("data"), 9)) {
            snapshots(in, dir.resolve("snapshots")).takeDue();
            Snapshots snaps = snapshots(in, dir.resolve("snapshots")); // a restart: nothing open yet
            long base = 4 * EVERY; // the whole state under the layers of 5, 6 and 7
            flipABit(snaps.shelf().file(base));
            long n = 7 * EVERY + 2;
            assertThat(snaps.restoreAtMost(n).orElseThrow().logSize()).isEqualTo(3 * EVERY);
            assertThat(snaps.refusals()).contains("log size " + base + ": its SHA-256 is not that of its bytes");
            assertThat(snaps.shelf().has(base)).isFalse();
            assertThat(snaps.shelf()
                            .file(base)
                            .resolveSibling(snaps.shelf().file(base).getFileName() + ".corrupt"))
                    .exists();
            AsOf a = new StatesAsOf(in.store(), Optional.of(snaps)).at(n);
            assertThat(StatesAsOfTest.asOf(a.state(), n)).isEqualTo(StatesAsOfTest.reference(in.store(), n));
            assertThat(snaps.takeDue()).as("the base set aside is taken again").isEqualTo(1);
            assertThat(snaps.restoreAtMost(n).orElseThrow().logSize()).isEqualTo(7 * EVERY);
        }
    }

    @Test
    void aCorruptDeltaIsRefusedWithItsReasonAndTheStateBelowItIsUsed() throws IOException {
        try (Instance in = SnapshotsTest.grownAndExtended(dir.resolve("data"), 24)) {
            snapshots(in, dir.resolve("snapshots")).takeDue();
            Snapshots snaps = snapshots(in, dir.resolve("snapshots"));
            long delta = 6 * EVERY; // over 4, under 7
            assertThat(snaps.shelf().base(delta)).contains(4 * EVERY);
            flipABit(snaps.shelf().file(delta));
            long n = 7 * EVERY + 2;
            ElectionState got = snaps.restoreAtMost(n).orElseThrow();
            assertThat(got.logSize()).isEqualTo(5 * EVERY);
            SnapshotsTest.assertSameState(got, StatesAsOf.replay(in.store(), 5 * EVERY));
            assertThat(snaps.refusals()).contains("log size " + delta + ": its SHA-256 is not that of its bytes");
            assertThat(snaps.shelf().has(4 * EVERY))
                    .as("its base is sound and kept")
                    .isTrue();
            assertThat(snaps.takeDue()).isEqualTo(1);
            assertThat(snaps.restoreAtMost(n).orElseThrow().logSize()).isEqualTo(7 * EVERY);
        }
    }

    @Test
    void deletingAnyLayerNeverGivesAWrongAnswer() throws IOException {
        long seed = Seeds.seed("layers deleted", 150L);
        try (Instance in = SnapshotsTest.grownAndExtended(dir.resolve("data"), 25)) {
            long size = in.store().logSize();
            Path full = dir.resolve("snapshots");
            Snapshots all = snapshots(in, full);
            all.takeDue();
            Random rnd = new Random(seed);
            List<Long> sizes = all.shelf().sizes();
            for (int round = 0; round < 6; round++) {
                long gone = sizes.get(rnd.nextInt(sizes.size()));
                Path shelf = dir.resolve("without-" + gone);
                Files.createDirectories(shelf);
                for (long s : sizes)
                    if (s != gone)
                        Files.copy(
                                all.shelf().file(s),
                                shelf.resolve(all.shelf().file(s).getFileName()));
                Snapshots snaps = snapshots(in, shelf);
                long n = gone + rnd.nextInt((int) (size - gone) + 1);
                ElectionState got = snaps.restoreAtMost(n).orElseThrow();
                assertThat(got.logSize())
                        .as("the state below %d without %d", n, gone)
                        .isLessThanOrEqualTo(n);
                SnapshotsTest.assertSameState(got, StatesAsOf.replay(in.store(), got.logSize()));
                AsOf a = new StatesAsOf(in.store(), Optional.of(snaps)).at(n);
                assertThat(StatesAsOfTest.asOf(a.state(), n))
                        .as("as of %d without %d", n, gone)
                        .isEqualTo(StatesAsOfTest.reference(in.store(), n));
                // deleted while open: the mapping is still the sound file's
                all.openAll();
                byte[] kept = Files.readAllBytes(all.shelf().file(gone));
                Files.delete(all.shelf().file(gone));
                SnapshotsTest.assertSameState(
                        all.restoreAtMost(n).orElseThrow(), StatesAsOf.replay(in.store(), n / EVERY * EVERY));
                Files.write(all.shelf().file(gone), kept);
            }
        }
    }

    @Test
    void aWholeSnapshotOfTheFirstVersionIsReadThenTakenAgainAsALayer() throws IOException {
        try (Instance in = SnapshotsTest.grownAndExtended(dir.resolve("data"), 26)) {
            snapshots(in, dir.resolve("snapshots")).takeDue();
            Snapshots snaps = snapshots(in, dir.resolve("snapshots"));
            long at = 3 * EVERY; // a layer over 2 now; a whole state in the first version
            byte[] layer = Files.readAllBytes(snaps.shelf().file(at));
            ElectionState state = new ElectionState();
            List<Long> sparse = new ArrayList<>();
            StatesAsOf.replayTo(state, ReplayLog.following(state, in.store()), in.store(), at, sparse::add);
            long[] kinds = sparse.stream().mapToLong(Long::longValue).toArray();
            Files.write(snaps.shelf().file(at), firstVersion(TakeSnapshot.of(state, kinds)));
            assertThat(snaps.shelf().base(at)).contains(0L);
            ElectionState got = snaps.restoreAtMost(at + 1).orElseThrow();
            assertThat(got.logSize()).isEqualTo(at);
            SnapshotsTest.assertSameState(got, StatesAsOf.replay(in.store(), at));
            assertThat(snaps.takeDue()).as("taken again over its base").isEqualTo(1);
            assertThat(snaps.shelf().base(at)).contains(2 * EVERY);
            assertThat(Files.readAllBytes(snaps.shelf().file(at))).isEqualTo(layer);
            SnapshotsTest.assertSameState(snaps.restoreAtMost(at + 1).orElseThrow(), StatesAsOf.replay(in.store(), at));
        }
    }

    /** The bytes of a whole snapshot as the first version ("VTSNAP01") wrote them: the reference layout. */
    private static byte[] firstVersion(Snapshot s) {
        var t = s.totals();
        var c = s.copies();
        var r = s.reconciliation();
        ByteBuffer b = ByteBuffer.allocate(64 << 20);
        b.put("VTSNAP01".getBytes(StandardCharsets.US_ASCII)).putLong(s.size());
        b.putInt(s.range().hashes().size());
        s.range().hashes().forEach(b::put);
        b.putInt(s.units()).putInt(s.stations()).putInt(s.sources().size());
        for (var src : s.sources())
            for (String x : List.of(src.id(), src.name(), src.kind().wire())) {
                byte[] u = x.getBytes(StandardCharsets.UTF_8);
                b.putInt(u.length).put(u);
            }
        b.putInt(s.sparse().length);
        for (long x : s.sparse()) b.putLong(x);
        b.putInt(t.count());
        for (int[] a : List.of(t.contest(), t.view(), t.unit())) for (int x : a) b.putInt(x);
        for (long x : t.counts()) b.putLong(x);
        for (int x : t.voteStart()) b.putInt(x);
        b.putInt(t.votes().length);
        for (long x : t.votes()) b.putLong(x);
        b.putInt(c.count());
        for (long[] a : List.of(c.key(), c.entry(), c.core(), c.optional())) for (long x : a) b.putLong(x);
        b.putInt(r.status().length).put(r.status());
        for (long x : r.consensus()) b.putLong(x);
        b.putLong(r.agreed()).putLong(r.disputed()).putInt(r.singleBySource().length);
        for (long x : r.singleBySource()) b.putLong(x);
        try {
            var d = MessageDigest.getInstance("SHA-256");
            d.update(b.array(), 0, b.position());
            b.put(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static void flipABit(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }
}
