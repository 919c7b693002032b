package org.veritally.server.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.store.LogRow;
import org.veritally.store.ProjectionDump;
import org.veritally.store.Store;
import org.veritally.store.StoreException;
import org.veritally.testkit.Await;

/**
 * Integrity at rest (issue 16, findings 3 and 4), written once and run on both engines ({@link
 * SqliteIntegrityTest}, {@link PostgresIntegrityTest}): an operator with the database in hand changes a
 * projection row, a log entry's body (keeping the sum) or a stored tree node; the restarted server finds it
 * (INTEG-PROJ, INTEG-LEAF, INTEG-TREE, ...), reports it on {@code /readyz} and {@code /metrics} and refuses
 * writes; {@code rebuild} refuses to rebuild from such a log and writes nothing.
 */
abstract class IntegrityConformance {
    @TempDir
    Path dir;

    /** The {@code --db} URL of a new empty database, or empty for the SQLite file in the data directory. */
    abstract Optional<String> freshDatabase();

    /** What lifts the append-only triggers, as an operator with the database's owner rights can. */
    abstract List<String> liftAppendOnly();

    /** 150 stations, 2 contests, 3 sources: over 256 entries, so the log has a stored tree node. */
    static final SyntheticElection ELECTION = new SyntheticElection(150, 2, 3, 3, 16);

    Optional<String> db;

    Instance loaded() {
        db = freshDatabase();
        Instance in = Instance.open(dir, db);
        var d = ELECTION.definition();
        assertThat(in.define().define(d, "test", "fixture").problems()).isEmpty();
        List<TallySheet> sheets = Fixtures.sheets(ELECTION, d);
        assertThat(Fixtures.submit(in, sheets).rejected()).isEmpty();
        assertThat(in.store().logSize()).isGreaterThan(256);
        return in;
    }

    /** Runs {@code sql} on a connection of its own, as an operator's database client would. */
    static void exec(Store s, String sql, Object... args) {
        var db = s.database();
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            p.execute();
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Swaps the first two differing candidate figures of a comma-separated votes list: the sum is kept. */
    static String swapped(String votes) {
        String[] v = votes.split(",");
        for (int i = 1; i < v.length; i++) {
            if (!v[i].equals(v[0])) {
                String t = v[0];
                v[0] = v[i];
                v[i] = t;
                return String.join(",", v);
            }
        }
        throw new AssertionError("no two figures differ in " + votes);
    }

    @Test
    void anUntouchedDatabasePassesEveryCheckAndStaysReadyAndWritable() throws Exception {
        try (Instance in = loaded()) {
            assertThat(in.integrity().checkNow()).isInstanceOf(IntegrityMonitor.Passed.class);
        }
        try (Instance in = Instance.open(dir, db);
                var s = new Served(in)) {
            in.integrity().start(Duration.ZERO);
            Await.until("the start-up check", () -> !in.integrity().starting());
            var r = s.get("/readyz");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"integrity\":\"ok\"");
            assertThat(s.get("/metrics").body())
                    .contains("veritally_integrity_alarm{rule=\"none\"} 0")
                    .contains("veritally_integrity_check_seconds");
        }
    }

    /** Finding 3: an UPDATE of unit_total swapping two candidates, server stopped; the restart finds it. */
    @Test
    void integProjASwappedUnitTotalIsFoundAtStartUpNotReadyAlarmAndWritesRefused() throws Exception {
        String unit;
        try (Instance in = loaded()) {
            String[] row = {null, null, null, null};
            in.store()
                    .query(
                            "SELECT unit, contest, source, votes FROM unit_total ORDER BY unit LIMIT 1",
                            List.of(),
                            rs -> {
                                for (int i = 0; i < 4; i++) row[i] = Store.getString(rs, i + 1);
                            });
            unit = row[0];
            exec(
                    in.store(),
                    "UPDATE unit_total SET votes = ? WHERE unit = ? AND contest = ? AND source = ?",
                    swapped(row[3]),
                    row[0],
                    row[1],
                    row[2]);
        }
        try (Instance in = Instance.open(dir, db);
                var s = new Served(in)) {
            in.integrity().start(Duration.ZERO);
            Await.until("the start-up check", () -> !in.integrity().starting());
            var failure = in.integrity().failure().orElseThrow();
            assertThat(failure.rule()).isEqualTo(IntegrityRule.INTEG_PROJ);
            assertThat(failure.location()).startsWith("unit_total row ");
            assertThat(failure.detail()).contains(unit);
            var r = s.get("/readyz");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"status\":\"not ready\"").contains("INTEG-PROJ at unit_total row ");
            assertThat(s.get("/metrics").body()).contains("veritally_integrity_alarm{rule=\"INTEG-PROJ\"} 1");
            long size = in.store().logSize();
            var post = s.post("/api/sheets", "{}");
            assertThat(post.statusCode()).isEqualTo(503);
            assertThat(post.body()).contains("INTEG-PROJ");
            assertThat(in.store().logSize()).as("nothing was written").isEqualTo(size);
            assertThat(s.get("/api/election").statusCode())
                    .as("reads still answer")
                    .isEqualTo(200);
        }
    }

    /** Finding 4: a sheet's body changed in the log, keeping the sum; the check and rebuild both find it. */
    @Test
    void integLeafATamperedBodyKeepingTheSumIsFoundAndRebuildWritesNothing() {
        try (Instance in = loaded()) {
            long idx = tamperASheetBody(in.store(), false);
            var failure = ((IntegrityMonitor.Failed) in.integrity().checkNow()).mismatch();
            assertThat(failure.rule()).isEqualTo(IntegrityRule.INTEG_LEAF);
            assertThat(failure.location()).isEqualTo("log entry " + idx);
            List<String> before = ProjectionDump.of(in.store());
            assertThatThrownBy(in::rebuild)
                    .isInstanceOf(IntegrityFailure.class)
                    .hasMessageStartingWith("INTEG-LEAF at log entry " + idx);
            assertThat(ProjectionDump.of(in.store()))
                    .as("rebuild wrote nothing")
                    .isEqualTo(before);
            assertThatThrownBy(in::rebuild)
                    .as("and so a second rebuild finds the same")
                    .hasMessageStartingWith("INTEG-LEAF");
        }
    }

    /** The same, with the leaf hash recomputed too: the signed checkpoint's root no longer matches. */
    @Test
    void integCkptABodyAndLeafHashChangedTogetherDoNotMatchTheSignedRoot() {
        try (Instance in = loaded()) {
            tamperASheetBody(in.store(), true);
            List<String> before = ProjectionDump.of(in.store());
            var failure = ((IntegrityMonitor.Failed) in.integrity().checkNow()).mismatch();
            assertThat(failure.rule()).isEqualTo(IntegrityRule.INTEG_CKPT);
            assertThat(failure.location()).isEqualTo("checkpoint " + in.store().logSize());
            assertThatThrownBy(in::rebuild).hasMessageStartingWith("INTEG-CKPT");
            assertThat(ProjectionDump.of(in.store())).isEqualTo(before);
        }
    }

    /** A stored tree node, from which the tiles and proofs are served, changed. */
    @Test
    void integTreeATamperedTileNodeIsFound() {
        try (Instance in = loaded()) {
            for (String sql : liftAppendOnly()) exec(in.store(), sql);
            exec(in.store(), "UPDATE tree_node SET hash = ? WHERE level = 8 AND idx = 0", (Object) new byte[32]);
            var failure = ((IntegrityMonitor.Failed) in.integrity().checkNow()).mismatch();
            assertThat(failure.rule()).isEqualTo(IntegrityRule.INTEG_TREE);
            assertThat(failure.location()).isEqualTo("tree node (level 8, index 0)");
        }
    }

    /** INTEG-INDEX: an entry removed from the middle of the log. */
    @Test
    void integIndexAnEntryRemovedFromTheLogIsFound() {
        try (Instance in = loaded()) {
            for (String sql : liftAppendOnly()) exec(in.store(), sql);
            exec(in.store(), "DELETE FROM log_entry WHERE idx = 7");
            var failure = ((IntegrityMonitor.Failed) in.integrity().checkNow()).mismatch();
            assertThat(failure.rule()).isEqualTo(IntegrityRule.INTEG_INDEX);
            assertThat(failure.location()).isEqualTo("log entry 7");
        }
    }

    /**
     * INTEG-REPLAY: a log whose bytes hold together but which the rulebook refuses (here a sheet whose figures no
     * longer sum, checked without the byte checks that would find it first).
     */
    @Test
    void integReplayAnEntryTheRulebookRefusesIsFoundByTheProjectionCheck() {
        try (Instance in = loaded()) {
            long idx = firstSheet(in.store());
            String body = new String(in.store().readLog(idx, 1).get(0).body(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"valid\":([0-9]+)").matcher(body);
            assertThat(m.find()).isTrue();
            String broken = body.substring(0, m.start(1)) + (Long.parseLong(m.group(1)) + 1) + body.substring(m.end(1));
            for (String sql : liftAppendOnly()) exec(in.store(), sql);
            exec(
                    in.store(),
                    "UPDATE log_entry SET body = ? WHERE idx = ?",
                    broken.getBytes(StandardCharsets.UTF_8),
                    idx);
            var failure = in.store().readSnapshot(() -> ProjectionIntegrity.check(in.store(), dir.resolve("scratch")));
            assertThat(failure).hasValueSatisfying(f -> {
                assertThat(f.rule()).isEqualTo(IntegrityRule.INTEG_REPLAY);
                assertThat(f.location()).isEqualTo("log entry " + idx);
            });
        }
    }

    /**
     * INTEG-START: a restored state of a size the log's replay never reaches (more entries than the log holds) is a
     * mismatch, never a silent pass: the comparison would otherwise not run at all.
     */
    @Test
    void integStartARestoredSizeBeyondTheLogIsAMismatchNotASilentPass() {
        try (Instance in = loaded()) {
            long beyond = in.store().logSize() + 1;
            var restored = new RestoredState(beyond, () -> Optional.of(in.state()));
            var failure = in.store()
                    .readSnapshot(
                            () -> ProjectionIntegrity.check(in.store(), dir.resolve("scratch"), Optional.of(restored)));
            assertThat(failure).hasValueSatisfying(f -> {
                assertThat(f.rule()).isEqualTo(IntegrityRule.INTEG_START);
                assertThat(f.location()).isEqualTo("log size " + beyond);
            });
        }
    }

    static long firstSheet(Store s) {
        long[] idx = {-1};
        s.query("SELECT MIN(idx) FROM log_entry WHERE kind = 'sheet'", List.of(), rs -> idx[0] = Store.getLong(rs, 1));
        return idx[0];
    }

    /** Swaps two candidates' figures in the first sheet entry's body (its sum kept); returns the entry's index. */
    long tamperASheetBody(Store s, boolean leafHashToo) {
        for (String sql : liftAppendOnly()) exec(s, sql);
        for (long idx = firstSheet(s); ; idx++) {
            LogRow row = s.readLog(idx, 1).get(0);
            String body = new String(row.body(), StandardCharsets.UTF_8);
            Matcher votes = Pattern.compile("\"votes\":\\{([^}]*)}").matcher(body);
            if (!votes.find()) continue;
            Matcher fig = Pattern.compile("\"[^\"]+\":([0-9]+)").matcher(votes.group(1));
            List<long[]> spans = new java.util.ArrayList<>();
            while (fig.find()) spans.add(new long[] {fig.start(1), fig.end(1), Long.parseLong(fig.group(1))});
            if (spans.size() < 2 || spans.get(0)[2] == spans.get(1)[2]) continue;
            String inner = votes.group(1);
            String a = inner.substring((int) spans.get(0)[0], (int) spans.get(0)[1]);
            String b = inner.substring((int) spans.get(1)[0], (int) spans.get(1)[1]);
            String swapped = inner.substring(0, (int) spans.get(0)[0])
                    + b
                    + inner.substring((int) spans.get(0)[1], (int) spans.get(1)[0])
                    + a
                    + inner.substring((int) spans.get(1)[1]);
            byte[] changed = (body.substring(0, votes.start(1)) + swapped + body.substring(votes.end(1)))
                    .getBytes(StandardCharsets.UTF_8);
            exec(s, "UPDATE log_entry SET body = ? WHERE idx = ?", changed, idx);
            if (leafHashToo)
                exec(
                        s,
                        "UPDATE log_entry SET leaf_hash = ? WHERE idx = ?",
                        org.veritally.translog.LogHasher.create().leafHash(changed),
                        idx);
            return idx;
        }
    }
}
