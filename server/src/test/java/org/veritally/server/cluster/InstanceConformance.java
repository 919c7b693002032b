package org.veritally.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Correction;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.store.ProjectionDump;

/**
 * A full {@link Instance} round trip, written once and run on both engines ({@link SqliteInstanceTest},
 * {@link PostgresInstanceTest}): define, submit (new, repeated, conflicting and corrected sheets),
 * record an announcement, rebuild, restart; and a second instance that follows the log into memory
 * ends with the same state as one loaded from the projections.
 */
abstract class InstanceConformance {
    @TempDir
    Path dir;

    /** The {@code --db} URL of a new empty database, or empty for the SQLite file in the data directory. */
    abstract Optional<String> freshDatabase();

    static final SyntheticElection ELECTION = new SyntheticElection(120, 2, 4, 3, 7);

    static String summary(Instance in) {
        var s = in.state().reconciliation().summary(in.state().catalogue().stationCount() * 2L);
        return s.agreed() + "/" + s.disputed() + "/" + java.util.Arrays.toString(s.singleBySource()) + "/"
                + s.missing();
    }

    /** Submits most sheets in three batches, repeats one, conflicts one and corrects one. */
    static void load(Instance in, List<TallySheet> sheets) {
        Fixtures.submit(in, sheets.subList(0, 200));
        Fixtures.submit(
                in,
                sheets.subList(200, 500).stream()
                        .filter(x -> x.sourceId().equals("authority")
                                || x.stationId().hashCode() % 3 != 0)
                        .toList());
        var again = Fixtures.submit(in, sheets.get(3));
        assertThat(again.accepted())
                .singleElement()
                .satisfies(a -> assertThat(a.idempotent()).isTrue());
        TallySheet s = sheets.get(5);
        long idx = in.store()
                .currentSheet(s.stationId(), s.contestId(), s.sourceId())
                .orElseThrow()
                .entryIdx();
        long[] v = s.votes();
        v[0]--;
        v[1]++;
        var conflict = Fixtures.submit(in, new TallySheet(s.stationId(), s.contestId(), s.sourceId(), s.counts(), v));
        assertThat(conflict.rejected()).extracting(p -> p.rule().id()).containsExactly("TS-CONFLICT");
        var corrected = Fixtures.submit(
                in,
                new TallySheet(
                        s.stationId(),
                        s.contestId(),
                        s.sourceId(),
                        s.counts(),
                        v,
                        Optional.of(new Correction(idx, "typo"))));
        assertThat(corrected.rejected()).isEmpty();
    }

    @Test
    void defineSubmitRebuildAndRestartGiveTheSameProjections() {
        Optional<String> db = freshDatabase();
        var d = ELECTION.definition();
        List<TallySheet> sheets = Fixtures.sheets(ELECTION, d);
        List<String> live;
        Object liveTotals;
        String liveSummary;
        try (Instance in = Instance.open(dir, db)) {
            assertThat(in.define().define(d, "test", "fixture").problems()).isEmpty();
            load(in, sheets);
            var contest = d.election().contests().get(0);
            var none = java.util.OptionalLong.empty();
            var an = new Announcement(
                    "bulletin-1",
                    "Boletín 1",
                    "2024-07-29T00:10:00-04:00",
                    contest.id(),
                    java.util.OptionalLong.of(8_000),
                    none,
                    none,
                    none,
                    none,
                    none,
                    none,
                    none,
                    java.util.Map.of(contest.candidates().get(0).id(), 300L),
                    none);
            assertThat(in.announcements().record(an, "test", "request").problems())
                    .isEmpty();
            live = ProjectionDump.of(in.store());
            liveTotals = in.state().tabulation().snapshot();
            liveSummary = summary(in);
            in.rebuild();
            assertThat(ProjectionDump.of(in.store())).isEqualTo(live);
            assertThat(in.state().tabulation().snapshot()).isEqualTo(liveTotals);
        }
        try (Instance again = Instance.open(dir, db)) {
            assertThat(ProjectionDump.of(again.store())).isEqualTo(live);
            assertThat(again.state().tabulation().snapshot()).isEqualTo(liveTotals);
            assertThat(summary(again)).isEqualTo(liveSummary);
            assertThat(again.state().announcements()).hasSize(1);
        }
        assertThat(live).anyMatch(r -> r.startsWith("station_status:")).anyMatch(r -> r.startsWith("announcement:"));
    }

    /** A second instance on the same database (on SQLite: the same file, opened from another data directory's view). */
    private Instance openSecond(Optional<String> db) {
        return db.isPresent() ? Instance.open(dir.resolve("other"), db) : Instance.open(dir);
    }

    /** An instance that follows the log another one writes ends in the state a fresh load gives. */
    @Test
    void catchingUpWithTheLogGivesTheStateTheProjectionsHold() {
        Optional<String> db = freshDatabase();
        var d = ELECTION.definition();
        List<TallySheet> sheets = Fixtures.sheets(ELECTION, d);
        try (Instance writer = Instance.open(dir, db);
                Instance follower = openSecond(db)) {
            assertThat(follower.state().election()).isEmpty();
            writer.define().define(d, "test", "fixture");
            assertThat(follower.catchUp()).isPositive();
            assertThat(follower.state().election()).isPresent();
            load(writer, sheets);
            follower.catchUp();
            assertThat(follower.state().logSize()).isEqualTo(writer.state().logSize());
            assertThat(follower.state().range()).isEqualTo(writer.state().range());
            assertThat(follower.state().tabulation().snapshot())
                    .isEqualTo(writer.state().tabulation().snapshot());
            assertThat(summary(follower)).isEqualTo(summary(writer));
            assertThat(follower.catchUp()).isZero();
        }
    }
}
