package org.veritally.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.Unit;
import org.veritally.core.tabulate.Tally;
import org.veritally.testkit.Seeds;
import org.veritally.translog.AppendResult;
import org.veritally.translog.CompactRange;
import org.veritally.translog.ConsistencyProof;
import org.veritally.translog.InMemoryNodeStore;
import org.veritally.translog.InclusionProof;
import org.veritally.translog.LogHasher;
import org.veritally.translog.MerkleRoot;
import org.veritally.translog.Node;
import org.veritally.translog.TreeAppender;

/**
 * The storage conformance suite: what every engine must do alike. Written once and run against a
 * real SQLite file ({@link SqliteStoreTest}) and a real PostgreSQL server ({@link PostgresStoreTest}).
 */
abstract class StoreConformance {
    /** A new, empty database for one test. */
    abstract Database freshDatabase();

    /** Makes the engine refuse any write that needs more space, with its own full-disk error. */
    abstract void fillUp() throws Exception;

    /** Frees the space again. */
    abstract void makeRoom() throws Exception;

    Database db;
    Store store;

    @BeforeEach
    void open() {
        db = freshDatabase();
        store = Store.open(db);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static void exec(Store s, String sql) {
        s.write(tx -> {
            try (Statement st = tx.connection().createStatement()) {
                st.execute(sql);
                return null;
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        });
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void migrationsCreateEveryTableOnceAndRecordTheirVersions() {
        store.close();
        store = Store.open(db); // a second open applies nothing
        List<String> versions = new ArrayList<>();
        store.query(
                "SELECT version, script FROM schema_version ORDER BY version",
                List.of(),
                rs -> versions.add(Store.getLong(rs, 1) + " " + Store.getString(rs, 2)));
        assertThat(versions)
                .containsExactly(
                        "1 V1__init.sql",
                        "2 V2__submission.sql",
                        "3 V3__evidence.sql",
                        "4 V4__evidence_blob.sql",
                        "5 V5__append_only_insert.sql",
                        "6 V6__rare_kind_index.sql",
                        "7 V7__rare_kind_index_reports.sql",
                        "8 V8__audit_reported.sql");
        for (String t : List.of(
                "log_entry",
                "tree_node",
                "checkpoint",
                "cosignature",
                "account",
                "meta",
                "election",
                "unit",
                "station",
                "source",
                "sheet_current",
                "unit_total",
                "station_status",
                "announcement",
                "sheet_flag",
                "submission",
                "evidence",
                "evidence_blob")) {
            long[] n = {-1};
            store.query("SELECT COUNT(*) FROM " + t, List.of(), rs -> n[0] = Store.getLong(rs, 1));
            assertThat(n[0]).as(t).isZero();
        }
    }

    @Test
    void rareEntriesComeInLogOrderWithTheOutcomeOfTheirTranscriptionWork() {
        String[] kinds = {
            "election",
            "sheet",
            "key",
            "sheet",
            "transcription",
            "audit-seed",
            "transcription-flag",
            "revocation",
            "sheet"
        };
        store.write(tx -> {
            for (int i = 0; i < kinds.length; i++)
                tx.appendEntry(
                        i,
                        kinds[i],
                        bytes("{\"n\":" + i + "}"),
                        LogHasher.create().leafHash(bytes("x" + i)),
                        "",
                        1);
            tx.putFlag(4, "TR-ESCALATE", "two transcriptions differ");
            tx.putFlag(4, "TS-SUM", "not an outcome");
            tx.putFlag(3, "TR-AGREE", "a sheet's flag is not read");
            return null;
        });
        List<String> rare = new ArrayList<>();
        new LogQueries(store)
                .rareEntries(e -> rare.add(e.idx() + " " + e.kind() + " " + new String(e.body(), StandardCharsets.UTF_8)
                        + " " + e.outcome().orElse("-")));
        assertThat(rare)
                .containsExactly(
                        "2 key {\"n\":2} -",
                        "4 transcription {\"n\":4} TR-ESCALATE",
                        "5 audit-seed {\"n\":5} -",
                        "6 transcription-flag {\"n\":6} -",
                        "7 revocation {\"n\":7} -");
    }

    @Test
    void rareEntriesAreFoundThroughThePartialIndexNotAPassOverTheLog() {
        List<String> plan = new ArrayList<>();
        store.write(tx -> {
            try (Statement st = tx.connection().createStatement()) {
                boolean sqlite = store.dialect() == Dialect.SQLITE;
                // PostgreSQL plans a tiny table as a sequential scan: forbid that to see which index it can use
                if (!sqlite) st.execute("SET LOCAL enable_seqscan = off");
                try (var rs =
                        st.executeQuery((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + LogQueries.RARE_ENTRIES)) {
                    while (rs.next()) plan.add(rs.getString(sqlite ? 4 : 1));
                }
                return null;
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        });
        assertThat(String.join("\n", plan)).contains("log_entry_rare");
    }

    @Test
    void aDatabaseNewerThanTheProgramIsRefused() {
        exec(store, "INSERT INTO schema_version(version, script) VALUES (99, 'V99__future.sql')");
        store.close();
        assertThatThrownBy(() -> store = Store.open(db))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer than this program");
        store = Store.open(freshDatabase());
    }

    @Test
    void appendedEntriesReadBackInOrder() {
        store.write(tx -> {
            for (int i = 0; i < 5; i++)
                tx.appendEntry(
                        i,
                        "sheet",
                        bytes("{\"n\":" + i + "}"),
                        LogHasher.create().leafHash(bytes("x" + i)),
                        "acct",
                        1000 + i);
            return null;
        });
        store.write(tx -> {
            tx.appendEntry(5, "source", bytes("{}"), new byte[32], "", 7);
            return null;
        });
        assertThat(store.logSize()).isEqualTo(6);
        List<LogRow> rows = store.readLog(2, 3);
        assertThat(rows).extracting(LogRow::idx).containsExactly(2L, 3L, 4L);
        assertThat(new String(rows.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}");
        assertThat(rows.get(0).leafHash()).isEqualTo(LogHasher.create().leafHash(bytes("x2")));
        assertThat(store.readLog(5, 10))
                .singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo("source"));
        assertThat(store.readLog(6, 10)).isEmpty();
    }

    /** LOG-APPEND: the database itself refuses to change or drop a log entry or a tree node. */
    @Test
    void logAppendTheLogTablesRefuseUpdateAndDelete() {
        store.write(tx -> {
            tx.appendEntry(0, "sheet", bytes("{}"), new byte[32], "", 0);
            tx.putNode(8, 0, new byte[32]);
            return null;
        });
        for (String sql : List.of(
                "UPDATE log_entry SET kind = 'x' WHERE idx = 0",
                "DELETE FROM log_entry WHERE idx = 0",
                "DELETE FROM log_entry",
                "UPDATE tree_node SET hash = hash WHERE level = 8",
                "DELETE FROM tree_node")) {
            assertThatThrownBy(() -> exec(store, sql))
                    .as(sql)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("LOG-APPEND");
        }
        assertThat(store.logSize()).isEqualTo(1);
    }

    /** The SQL each engine accepts for an insert over an existing row; SQLite adds its REPLACE forms. */
    abstract List<String> overwritingInserts();

    /**
     * LOG-APPEND: no insert at an index already written, whatever its conflict clause (SQLite's REPLACE deletes the old
     * row without firing the delete trigger; an upsert would update it): the body stays the one appended.
     */
    @Test
    void logAppendTheLogTablesRefuseReplaceAndAnInsertAtAnExistingIndex() {
        store.write(tx -> {
            tx.appendEntry(0, "sheet", bytes("{\"n\":0}"), new byte[32], "", 0);
            tx.putNode(8, 0, new byte[32]);
            return null;
        });
        for (String sql : overwritingInserts()) {
            assertThatThrownBy(() -> exec(store, sql))
                    .as(sql)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("LOG-APPEND");
        }
        assertThat(new String(store.readLog(0, 1).get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"n\":0}");
        byte[][] node = {null};
        store.query(
                "SELECT hash FROM tree_node WHERE level = 8 AND idx = 0",
                List.of(),
                rs -> node[0] = Store.getBytes(rs, 1));
        assertThat(node[0]).isEqualTo(new byte[32]);
        exec(
                store,
                "INSERT INTO log_entry(idx, kind, body, leaf_hash, account, received_ms) VALUES (1, 'sheet', "
                        + "'{}', '', '', 0)"); // appending at the next index is still allowed
        assertThat(store.logSize()).isEqualTo(2);
    }

    /** Tree nodes stored at the tile levels give the same roots and proofs as the in-memory reference. */
    @Test
    void storedTreeAgreesWithTheInMemoryReference() {
        long seed = Seeds.seed("storedTreeAgreesWithTheInMemoryReference", 0x5EED_7EE5L);
        Random rnd = new Random(seed);
        LogHasher hasher = LogHasher.create();
        TreeAppender tree = new TreeAppender(LogHasher.create());
        InMemoryNodeStore reference = new InMemoryNodeStore();
        CompactRange range = CompactRange.empty();
        int total = 66_000; // past 2^16, so level 16 is stored and levels 1-7 and 9-15 are folded
        long next = 0;
        while (next < total) {
            int n = (int) Math.min(total - next, 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 9000));
            List<byte[]> leaves = new ArrayList<>(n);
            List<byte[]> bodies = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] body = bytes("{\"i\":" + (next + i) + ",\"r\":" + rnd.nextLong() + "}");
                bodies.add(body);
                leaves.add(hasher.leafHash(body));
            }
            AppendResult r = tree.append(range, leaves);
            long first = next;
            store.write(tx -> {
                for (int i = 0; i < n; i++) tx.appendEntry(first + i, "sheet", bodies.get(i), leaves.get(i), "", 0);
                for (Node node : r.nodes())
                    if (StoreHashReader.stored(node.level())) tx.putNode(node.level(), node.index(), node.hash());
                return null;
            });
            reference.putAll(r.nodes());
            range = r.range();
            next += n;
        }
        StoreHashReader stored = new StoreHashReader(store);
        List<Long> sizes = new ArrayList<>(List.of(1L, 2L, 255L, 256L, 257L, 65_535L, 65_536L, 65_537L, (long) total));
        for (int i = 0; i < 6; i++) sizes.add(1L + rnd.nextInt(total));
        for (long size : sizes) {
            assertThat(MerkleRoot.of(size, stored)).as("root of %d", size).isEqualTo(MerkleRoot.of(size, reference));
            long index = rnd.nextLong(size);
            assertThat(InclusionProof.build(index, size, stored))
                    .as("inclusion %d in %d", index, size)
                    .isEqualTo(InclusionProof.build(index, size, reference));
            long old = 1 + rnd.nextLong(size);
            assertThat(ConsistencyProof.build(old, size, stored))
                    .as("consistency %d -> %d", old, size)
                    .isEqualTo(ConsistencyProof.build(old, size, reference));
        }
        assertThat(CompactRange.read(total, stored)).isEqualTo(range);
    }

    @Test
    void projectionsAreUpsertedByKey() {
        var k1 = new SummaryCounts(100, 90, 80, 5, SummaryCounts.ABSENT);
        store.write(tx -> {
            tx.putMeta("k", "one");
            tx.putMeta("k", "two");
            tx.upsertSheet("st1", "pres", "authority", 3, k1, new long[] {50, 30}, 11, 12);
            tx.putCheckpoint(4, "first", 1);
            tx.putCheckpoint(4, "second", 2);
            tx.putFlag(3, "TS-FLAG-X", "m1");
            tx.putFlag(3, "TS-FLAG-X", "m2");
            return null;
        });
        var k2 = new SummaryCounts(SummaryCounts.ABSENT, SummaryCounts.ABSENT, 81, 4, 1);
        store.write(tx -> {
            tx.upsertSheet("st1", "pres", "authority", 9, k2, new long[] {51, 30}, 21, 22);
            tx.upsertTotal("u", "pres", "authority", Tally.of(1, 100, 90, 81, 4, 1, new long[] {51, 30}));
            tx.upsertTotal("u", "pres", "authority", Tally.of(2, 200, 190, 181, 4, 1, new long[] {151, 30}));
            tx.upsertStatus("st1", "pres", "disputed", -1);
            tx.upsertStatus("st1", "pres", "agreed", 9);
            return null;
        });
        String[] meta = {""};
        store.query("SELECT value FROM meta WHERE key = ?", List.of("k"), rs -> meta[0] = Store.getString(rs, 1));
        assertThat(meta[0]).isEqualTo("two");
        StoredSheet s = store.currentSheet("st1", "pres", "authority").orElseThrow();
        assertThat(s.entryIdx()).isEqualTo(9);
        assertThat(s.counts()).isEqualTo(k2);
        assertThat(s.votes()).containsExactly(51, 30);
        assertThat(store.sheetsOfStation("st1")).hasSize(1);
        assertThat(store.currentSheet("st1", "pres", "witness")).isEmpty();
        assertThat(ProjectionDump.of(store))
                .containsExactly(
                        "sheet_current:st1|pres|authority|9|null|null|81|4|1|51,30|21|22|",
                        "unit_total:u|pres|authority|2|200|190|181|4|1|151,30|",
                        "station_status:st1|pres|agreed|9|",
                        "sheet_flag:3|TS-FLAG-X|m1|");
        String[] note = {""};
        store.query(
                "SELECT note FROM checkpoint WHERE tree_size = ?", List.of(4L), rs -> note[0] = Store.getString(rs, 1));
        assertThat(note[0]).isEqualTo("first");
    }

    @Test
    void theFeedsReadsGiveTheLatestCheckpointsAndDisputedStationsNewestFirstAndBounded() {
        var k = new SummaryCounts(100, 90, 80, 5, SummaryCounts.ABSENT);
        store.write(tx -> {
            for (long n = 1; n <= 5; n++) tx.putCheckpoint(n * 10, "note " + n, 1000 + n);
            tx.upsertSheet("a", "pres", "authority", 3, k, new long[] {50, 30}, 1, 2);
            tx.upsertSheet("a", "pres", "witness", 7, k, new long[] {49, 31}, 3, 4);
            tx.upsertSheet("b", "pres", "authority", 5, k, new long[] {50, 30}, 1, 2);
            tx.upsertSheet("b", "pres", "witness", 9, k, new long[] {51, 29}, 5, 6);
            tx.upsertSheet("c", "pres", "authority", 11, k, new long[] {50, 30}, 1, 2);
            tx.upsertStatus("a", "pres", "disputed", -1);
            tx.upsertStatus("b", "pres", "disputed", -1);
            tx.upsertStatus("c", "pres", "single", 11);
            return null;
        });
        var cps = new CheckpointQueries(store).recent(3);
        assertThat(cps).extracting(CheckpointQueries.Checkpoint::treeSize).containsExactly(50L, 40L, 30L);
        List<ProjectionQueries.DisputedRow> rows = new ArrayList<>();
        new ProjectionQueries(store).latestDisputed(10, rows::add);
        assertThat(rows)
                .containsExactly(
                        new ProjectionQueries.DisputedRow("b", "pres", 9),
                        new ProjectionQueries.DisputedRow("a", "pres", 7));
        rows.clear();
        new ProjectionQueries(store).latestDisputed(1, rows::add);
        assertThat(rows).extracting(ProjectionQueries.DisputedRow::station).containsExactly("b");
    }

    /** The dump sorts text byte-wise on every engine, so equal projections give equal dumps (golden rows). */
    @Test
    void projectionDumpIsTheSameOnEveryEngine() {
        store.write(tx -> {
            tx.putElection("e", 0, "{\"election\":1}");
            int ord = 0;
            for (String id : List.of("b", "-", "B", "a", "Z", "_"))
                tx.putUnit(new Unit(id, "name " + id, 1, "root"), ord++);
            tx.putStation(new Station("s-1", "Escuela Nº 5 – Táchira", "a", 500), 0);
            tx.putSource("authority", "CNE", "authority", 2);
            tx.putAnnouncement("an-1", 7, "{}");
            return null;
        });
        assertThat(ProjectionDump.of(store))
                .containsExactly(
                        "election:e|0|{\"election\":1}|",
                        "unit:-|name -|1|root|1|",
                        "unit:B|name B|1|root|2|",
                        "unit:Z|name Z|1|root|4|",
                        "unit:_|name _|1|root|5|",
                        "unit:a|name a|1|root|3|",
                        "unit:b|name b|1|root|0|",
                        "station:s-1|Escuela Nº 5 – Táchira|a|500|0|",
                        "source:authority|CNE|authority|2|",
                        "announcement:an-1|7|{}|");
        assertThat(ProjectionDump.digest(store)).startsWith("10 rows, sha256 ");
    }

    @Test
    void clearProjectionsKeepsTheLog() {
        store.write(tx -> {
            tx.appendEntry(0, "election", bytes("{}"), new byte[32], "", 0);
            tx.putElection("e", 0, "{}");
            tx.putMeta("a", "b");
            return null;
        });
        store.write(tx -> {
            store.clearProjections(tx);
            return null;
        });
        assertThat(ProjectionDump.of(store)).isEmpty();
        assertThat(store.logSize()).isEqualTo(1);
    }

    /**
     * The submission queue's two guards: a follower withdraws its queued rows all or none after its
     * time-out, and an answer recorded over a row that is no longer pending (withdrawn, or answered by
     * another sequencer) rolls the whole appending transaction back.
     */
    @Test
    void submissionsAreWithdrawnAllOrNoneAndAnAnswerOverAWithdrawnOneRollsTheBatchBack() {
        var q = new Submissions(store);
        List<Long> ids = q.enqueue(List.of(bytes("{\"a\":1}"), bytes("{\"a\":2}")), List.of("w", "w"), 1);
        assertThat(q.cancel(ids, 2)).isTrue();
        assertThat(q.pending(10)).isEmpty();
        assertThat(q.results(ids.get(0), ids.get(1))).isEmpty();

        List<Long> more = q.enqueue(List.of(bytes("{\"a\":3}"), bytes("{\"a\":4}")), List.of("w", "w"), 3);
        store.write(tx -> {
            tx.finishSubmission(more.get(0), "answer", 4);
            return null;
        });
        assertThat(q.cancel(more, 5))
                .as("one was answered: nothing is withdrawn")
                .isFalse();
        assertThat(q.pending(10)).extracting(Submissions.Pending::id).containsExactly(more.get(1));

        assertThatThrownBy(() -> store.write(tx -> {
                    tx.appendEntry(0, "sheet", bytes("{}"), new byte[32], "", 0);
                    tx.finishSubmission(more.get(1), "answer", 6);
                    tx.finishSubmission(ids.get(0), "late answer to a withdrawn row", 6);
                    return null;
                }))
                .isInstanceOf(StoreException.class);
        assertThat(store.logSize()).as("the entry went with the failed claim").isZero();
        assertThat(q.pending(10)).extracting(Submissions.Pending::id).containsExactly(more.get(1));
    }

    @Test
    void aFailedTransactionLeavesNothing() {
        assertThatThrownBy(() -> store.write(tx -> {
                    tx.appendEntry(0, "sheet", bytes("{}"), new byte[32], "", 0);
                    tx.putMeta("k", "v");
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(store.logSize()).isZero();
        store.write(tx -> {
            tx.appendEntry(0, "sheet", bytes("{}"), new byte[32], "", 0);
            return null;
        });
        // a database error mid-transaction (a second entry 0) rolls back the whole batch, entry 1 included
        assertThatThrownBy(() -> store.write(tx -> {
                    tx.appendEntry(1, "sheet", bytes("{}"), new byte[32], "", 0);
                    tx.appendEntry(0, "sheet", bytes("{}"), new byte[32], "", 0);
                    tx.putMeta("k", "v");
                    return null;
                }))
                .isInstanceOf(StoreException.class);
        assertThat(store.logSize()).isEqualTo(1);
        assertThat(ProjectionDump.of(store)).isEmpty();
        store.write(tx -> {
            tx.appendEntry(1, "sheet", bytes("{}"), new byte[32], "", 0);
            return null;
        });
        assertThat(store.logSize()).isEqualTo(2);
    }

    /**
     * STORE-FULL: a batch (entries, tree nodes, checkpoint, projections) that meets a full disk fails
     * whole, naming the database; the log and the projections are as before; it stays refused while
     * the disk is full, and the same batch commits once there is room.
     */
    @Test
    void storeFullABatchThatMeetsAFullDiskLeavesTheLogAndProjectionsAsTheyWere() throws Exception {
        writeSheets(0, 20);
        long size = store.logSize();
        List<String> projections = ProjectionDump.of(store);
        fillUp();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> writeSheets(20, 3000))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("STORE-FULL: ")
                    .hasMessageContaining(db.file().map(Object::toString).orElse(db.toString()))
                    .hasMessageContaining("rolled back")
                    .satisfies(e -> assertThat(((StoreException) e).rule()).hasValue(DiskFull.RULE));
            assertThat(store.logSize()).isEqualTo(size);
            assertThat(ProjectionDump.of(store)).isEqualTo(projections);
            assertThat(store.lastFullRefusal()).isPresent();
        }
        makeRoom();
        writeSheets(20, 3000);
        assertThat(store.logSize()).isEqualTo(size + 3000);
        assertThat(ProjectionDump.of(store)).hasSize(projections.size() + 3 * 3000);
        assertThat(store.lastFullRefusal()).isEmpty();
    }

    /**
     * One transaction as the sequencer writes it: {@code n} sheet entries with their node, checkpoint, current sheets,
     * totals and flags.
     */
    private void writeSheets(long first, int n) {
        LogHasher h = LogHasher.create();
        store.write(tx -> {
            for (int i = 0; i < n; i++) {
                long idx = first + i;
                byte[] body = bytes("{\"station\":\"s" + idx + "\",\"contest\":\"pres\",\"votes\":[" + idx + ",7]}");
                tx.appendEntry(idx, "sheet", body, h.leafHash(body), "acct", idx);
                tx.upsertSheet(
                        "s" + idx,
                        "pres",
                        "authority",
                        idx,
                        new SummaryCounts(100, 90, 80, 5, SummaryCounts.ABSENT),
                        new long[] {idx, 7},
                        idx,
                        0);
                tx.upsertTotal("u" + idx, "pres", "authority", Tally.of(1, 100, 90, 80, 5, 0, new long[] {idx, 7}));
                tx.putFlag(idx, "TS-FLAG-X", "flag of " + idx);
            }
            tx.putNode(8, first, h.leafHash(bytes("node " + first)));
            tx.putCheckpoint(first + n, "checkpoint " + (first + n), 0);
            return null;
        });
    }

    @Test
    void aReadSnapshotDoesNotSeeLaterCommits() throws Exception {
        store.write(tx -> {
            tx.appendEntry(0, "sheet", bytes("{}"), new byte[32], "", 0);
            return null;
        });
        long[] seen = store.readSnapshot(() -> {
            long before = store.logSize();
            Thread t = new Thread(() -> store.write(tx -> {
                tx.appendEntry(1, "sheet", bytes("{}"), new byte[32], "", 0);
                return null;
            }));
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new long[] {before, store.logSize()};
        });
        assertThat(seen).containsExactly(1, 1);
        assertThat(store.logSize()).isEqualTo(2);
    }

    @Test
    void submissionsQueueUntilTheSequencerAnswersThem() {
        Submissions q = new Submissions(store);
        List<Long> ids = q.enqueue(List.of(bytes("a"), bytes("b"), bytes("c")), List.of("w1", "w2", "w1"), 5);
        assertThat(ids).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(q.pending(10)).extracting(Submissions.Pending::account).containsExactly("w1", "w2", "w1");
        assertThat(q.pending(2)).extracting(Submissions.Pending::id).containsExactly(ids.get(0), ids.get(1));
        store.write(tx -> {
            tx.finishSubmission(ids.get(0), "{\"r\":0}", 6);
            tx.finishSubmission(ids.get(2), "{\"r\":2}", 6);
            return null;
        });
        assertThat(q.pending(10)).extracting(Submissions.Pending::id).containsExactly(ids.get(1));
        assertThat(new String(q.pending(10).get(0).payload(), StandardCharsets.UTF_8))
                .isEqualTo("b");
        assertThat(q.results(ids.get(0), ids.get(2)))
                .containsOnlyKeys(ids.get(0), ids.get(2))
                .containsEntry(ids.get(2), "{\"r\":2}");
        store.write(tx -> {
            tx.purgeSubmissions(7);
            return null;
        });
        assertThat(q.results(ids.get(0), ids.get(2))).isEmpty();
        assertThat(q.pending(10)).hasSize(1);
    }

    @Test
    void accountsAreTheOneMutablePrivateTable() {
        byte[] hash = new byte[32];
        hash[0] = 7;
        store.write(tx -> {
            tx.putAccount("w1", "witness", "party-a", hash, "", 1);
            return null;
        });
        store.write(tx -> {
            tx.updateAccount("w1", "revoked_ms", 99L);
            return null;
        });
        long[] revoked = {0};
        store.query(
                "SELECT revoked_ms FROM account WHERE token_hash = ?",
                List.of(hash),
                rs -> revoked[0] = Store.getLong(rs, 1));
        assertThat(revoked[0]).isEqualTo(99);
        assertThatThrownBy(() -> store.write(tx -> {
                    tx.putAccount("w2", "witness", "party-a", hash, "", 1);
                    return null;
                }))
                .as("token hashes are unique")
                .isInstanceOf(StoreException.class);
    }

    /**
     * The log's named reads: the latest checkpoint is the largest tree size (not the last written), cosignatures in
     * witness order.
     */
    @Test
    void checkpointAndLogQueriesReadWhatWasWritten() {
        var checkpoints = new CheckpointQueries(store);
        var log = new LogQueries(store);
        assertThat(checkpoints.latest()).isEmpty();
        assertThat(log.firstReceivedMs("sheet")).isEmpty();
        LogHasher h = LogHasher.create();
        store.write(tx -> {
            tx.appendEntry(0, "election", bytes("{\"e\":0}"), h.leafHash(bytes("0")), "", 100);
            tx.appendEntry(1, "source", bytes("{\"s\":1}"), h.leafHash(bytes("1")), "", 200);
            tx.appendEntry(2, "sheet", bytes("{\"t\":2}"), h.leafHash(bytes("2")), "a", 300);
            tx.appendEntry(3, "sheet", bytes("{\"t\":3}"), h.leafHash(bytes("3")), "a", 250);
            tx.putCheckpoint(10, "note 10", 5_000);
            tx.putCheckpoint(2, "note 2", 9_000); // written later, but a smaller tree
            tx.putCosignature(10, "w-b", "— w-b sig");
            tx.putCosignature(10, "w-a", "— w-a sig");
            tx.putCosignature(2, "w-c", "— w-c sig");
            return null;
        });
        assertThat(checkpoints.latest()).contains(new CheckpointQueries.Checkpoint(10, "note 10", 5_000));
        assertThat(checkpoints.note(2)).contains("note 2");
        assertThat(checkpoints.firstCovering(0)).contains(new CheckpointQueries.Checkpoint(2, "note 2", 9_000));
        assertThat(checkpoints.firstCovering(2))
                .as("entry 2 is outside the tree of size 2")
                .contains(new CheckpointQueries.Checkpoint(10, "note 10", 5_000));
        assertThat(checkpoints.firstCovering(10)).isEmpty();
        assertThat(checkpoints.note(3)).isEmpty();
        assertThat(checkpoints.cosignatures(10)).containsExactly("— w-a sig", "— w-b sig");
        assertThat(checkpoints.cosignatures(4)).isEmpty();
        assertThat(log.body(2, "sheet"))
                .hasValueSatisfying(
                        b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{\"t\":2}"));
        assertThat(log.body(1, "sheet")).as("entry 1 is a source").isEmpty();
        assertThat(log.body(9, "sheet")).isEmpty();
        assertThat(log.firstReceivedMs("sheet"))
                .as("the first sheet in log order, not the earliest time")
                .isEqualTo(OptionalLong.of(300));
        assertThat(log.leafHashes(1, 3)).containsExactly(h.leafHash(bytes("1")), h.leafHash(bytes("2")));
        assertThat(log.leafHashes(3, 10)).containsExactly(h.leafHash(bytes("3")));
        assertThat(log.leafHashes(4, 10)).isEmpty();
    }

    @Test
    void accountQueriesFindByTokenHashAndIdAndListInIdOrder() {
        byte[] h1 = new byte[32];
        byte[] h2 = new byte[32];
        h1[0] = 1;
        h2[0] = 2;
        store.write(tx -> {
            tx.putAccount("w2", "witness", "party-b", h2, "", 1);
            tx.putAccount("adm", "admin", "", h1, "key+1234", 1);
            return null;
        });
        store.write(tx -> {
            tx.updateAccount("w2", "revoked_ms", 77L);
            return null;
        });
        var accounts = new AccountQueries(store);
        assertThat(accounts.byTokenHash(h1)).contains(new AccountQueries.AccountRow("adm", "admin", "", "key+1234", 0));
        assertThat(accounts.byTokenHash(h2))
                .as("revoked accounts are found; the caller refuses them")
                .contains(new AccountQueries.AccountRow("w2", "witness", "party-b", "", 77));
        assertThat(accounts.byTokenHash(new byte[32])).isEmpty();
        assertThat(accounts.byId("w2"))
                .map(AccountQueries.AccountRow::revokedMs)
                .contains(77L);
        assertThat(accounts.byId("nobody")).isEmpty();
        assertThat(accounts.all()).extracting(AccountQueries.AccountRow::id).containsExactly("adm", "w2");
    }

    /**
     * The projections as start-up reads them: catalogue order by ord, sources by entry, keys in primary-key order
     * (byte-wise).
     */
    @Test
    void projectionQueriesStreamTheProjectionsInTheirOrder() {
        var q = new ProjectionQueries(store);
        assertThat(q.electionBody()).isEmpty();
        store.write(tx -> {
            tx.putElection("e", 0, "{\"election\":1}");
            tx.putUnit(new Unit("root", "Root", 0, ""), 0);
            tx.putUnit(new Unit("b", "B", 1, "root"), 1);
            tx.putUnit(new Unit("a", "A", 1, "root"), 2);
            tx.putStation(new Station("s2", "Two", "b", 200), 0);
            tx.putStation(new Station("s1", "One", "b", 100), 1);
            tx.putStation(new Station("s3", "Three", "a", 300), 2);
            tx.putSource("w", "Witness", "witness", 5);
            tx.putSource("auth", "Authority", "authority", 1);
            tx.upsertSheet(
                    "s2",
                    "pres",
                    "w",
                    9,
                    new SummaryCounts(200, 90, 80, 5, SummaryCounts.ABSENT),
                    new long[] {50, 30},
                    11,
                    12);
            tx.upsertSheet("s1", "pres", "w", 8, new SummaryCounts(100, 90, 80, 5, 5), new long[] {40, 40}, 21, 22);
            tx.upsertSheet("s1", "pres", "auth", 7, new SummaryCounts(100, 90, 80, 5, 5), new long[] {40, 40}, 31, 32);
            tx.upsertStatus("s1", "pres", "disputed", -1);
            tx.upsertStatus("s2", "pres", "single", 9);
            tx.upsertStatus("s3", "pres", "agreed", 4);
            tx.upsertStatus("s0", "pres", "disputed", -1);
            tx.putAnnouncement("an-2", 20, "{\"n\":2}");
            tx.putAnnouncement("an-1", 15, "{\"n\":1}");
            tx.upsertTotal("root", "pres", "w", Tally.of(2, 300, 180, 160, 10, 5, new long[] {90, 70}));
            tx.upsertTotal("b", "pres", "w", Tally.of(2, 300, 180, 160, 10, 5, new long[] {90, 70}));
            tx.upsertTotal("b", "pres", "auth", Tally.of(1, 100, 90, 80, 5, 5, new long[] {40, 40}));
            return null;
        });
        assertThat(q.electionBody()).contains("{\"election\":1}");
        List<Unit> units = new ArrayList<>();
        q.units(units::add);
        assertThat(units).extracting(Unit::id).containsExactly("root", "b", "a");
        assertThat(units.get(1)).isEqualTo(new Unit("b", "B", 1, "root"));
        List<Source> sources = new ArrayList<>();
        q.sources(sources::add);
        assertThat(sources)
                .containsExactly(
                        new Source("auth", "Authority", SourceKind.AUTHORITY),
                        new Source("w", "Witness", SourceKind.WITNESS));
        List<Station> stations = new ArrayList<>();
        q.stations(stations::add);
        assertThat(stations).extracting(Station::id).containsExactly("s2", "s1", "s3");
        assertThat(stations.get(0)).isEqualTo(new Station("s2", "Two", "b", 200));
        List<Station> byUnit = new ArrayList<>();
        q.stationsByUnit(byUnit::add);
        assertThat(byUnit).extracting(Station::id).containsExactly("s3", "s1", "s2");
        List<ProjectionQueries.SheetDigest> digests = new ArrayList<>();
        q.sheetDigests(digests::add);
        assertThat(digests)
                .containsExactly(
                        new ProjectionQueries.SheetDigest("s1", "pres", "auth", 7, 31, 32),
                        new ProjectionQueries.SheetDigest("s1", "pres", "w", 8, 21, 22),
                        new ProjectionQueries.SheetDigest("s2", "pres", "w", 9, 11, 12));
        List<ProjectionQueries.StatusRow> disputed = new ArrayList<>();
        q.statusesOf("disputed", disputed::add);
        assertThat(disputed)
                .containsExactly(
                        new ProjectionQueries.StatusRow("s0", "pres", "disputed", -1),
                        new ProjectionQueries.StatusRow("s1", "pres", "disputed", -1));
        List<ProjectionQueries.StatusRow> notSingle = new ArrayList<>();
        q.statusesOtherThan("single", notSingle::add);
        assertThat(notSingle)
                .extracting(ProjectionQueries.StatusRow::station)
                .containsExactlyInAnyOrder("s0", "s1", "s3");
        List<ProjectionQueries.AnnouncementRow> announcements = new ArrayList<>();
        q.announcements(announcements::add);
        assertThat(announcements)
                .containsExactly(
                        new ProjectionQueries.AnnouncementRow(15, "{\"n\":1}"),
                        new ProjectionQueries.AnnouncementRow(20, "{\"n\":2}"));
        List<ProjectionQueries.UnitTotalRow> totals = new ArrayList<>();
        q.unitTotals(totals::add);
        assertThat(totals)
                .hasSize(3)
                .contains(new ProjectionQueries.UnitTotalRow("b", "pres", "auth", 1, 100, 90, 80, 5, 5, "40,40"));
        List<ProjectionQueries.UnitTotalRow> ofW = new ArrayList<>();
        q.unitTotalsOf("w", ofW::add);
        assertThat(ofW).extracting(ProjectionQueries.UnitTotalRow::unit).containsExactly("b", "root");
        assertThat(ofW.get(1))
                .isEqualTo(new ProjectionQueries.UnitTotalRow("root", "pres", "w", 2, 300, 180, 160, 10, 5, "90,70"));
    }

    /**
     * The views of the current sheets: a source's copies, the consensus copies (the one station_status
     * names, in the same station × contest), absent optional counts as ABSENT; and the export rows with
     * their status, whether counted, and the stations without a copy.
     */
    @Test
    void sheetAndExportQueriesJoinTheCurrentSheetsWithTheirStatus() {
        store.write(tx -> {
            tx.putStation(new Station("s1", "One", "u", 100), 0);
            tx.putStation(new Station("s2", "Two", "u", 200), 1);
            tx.putStation(new Station("s3", "Three", "u", 300), 2);
            tx.upsertSheet("s1", "pres", "auth", 7, new SummaryCounts(100, 90, 80, 5, 5), new long[] {40, 40}, 1, 1);
            tx.upsertSheet("s1", "pres", "w", 8, new SummaryCounts(100, 90, 80, 5, 5), new long[] {40, 40}, 1, 1);
            tx.upsertSheet(
                    "s2",
                    "pres",
                    "w",
                    9,
                    new SummaryCounts(SummaryCounts.ABSENT, SummaryCounts.ABSENT, 150, 7, SummaryCounts.ABSENT),
                    new long[] {100, 50},
                    2,
                    2);
            tx.upsertSheet("s2", "gov", "auth", 10, new SummaryCounts(200, 190, 180, 10, 0), new long[] {180}, 3, 3);
            tx.upsertStatus("s1", "pres", "agreed", 7);
            tx.upsertStatus("s2", "pres", "single", 9);
            tx.upsertStatus("s2", "gov", "single", -1); // min sources not met: no consensus copy
            return null;
        });
        var sheets = new SheetQueries(store);
        List<SheetQueries.SheetFigures> w = new ArrayList<>();
        sheets.ofSource("pres", "w", w::add);
        assertThat(w)
                .containsExactlyInAnyOrder(
                        new SheetQueries.SheetFigures("s1", 90, 80, 5, 5, "40,40"),
                        new SheetQueries.SheetFigures(
                                "s2", SummaryCounts.ABSENT, 150, 7, SummaryCounts.ABSENT, "100,50"));
        List<SheetQueries.SheetFigures> consensus = new ArrayList<>();
        sheets.consensus("pres", consensus::add);
        assertThat(consensus).extracting(SheetQueries.SheetFigures::station).containsExactlyInAnyOrder("s1", "s2");
        List<SheetQueries.SheetFigures> gov = new ArrayList<>();
        sheets.consensus("gov", gov::add);
        assertThat(gov).as("no counted copy").isEmpty();
        assertThat(sheets.ofSource("pres", "auth", "s1"))
                .map(SheetQueries.SheetFigures::valid)
                .contains(80L);
        assertThat(sheets.ofSource("pres", "auth", "s2")).isEmpty();
        assertThat(sheets.consensus("pres", "s2"))
                .map(SheetQueries.SheetFigures::votes)
                .contains("100,50");
        assertThat(sheets.consensus("gov", "s2")).isEmpty();

        var export = new ExportQueries(store);
        List<String> all = new ArrayList<>();
        export.sheets(r -> all.add(r.station().id() + " " + r.contest() + " " + r.source() + " #" + r.entryIdx() + " "
                + r.status() + (r.countedInConsensus() ? " counted" : "")));
        assertThat(all)
                .containsExactly(
                        "s1 pres auth #7 agreed counted",
                        "s1 pres w #8 agreed",
                        "s2 gov auth #10 single",
                        "s2 pres w #9 single counted");
        List<ExportQueries.ExportSheet> ofW = new ArrayList<>();
        export.sheetsOf("w", ofW::add);
        assertThat(ofW).extracting(r -> r.station().id() + " " + r.contest()).containsExactly("s1 pres", "s2 pres");
        assertThat(ofW.get(1).counts())
                .isEqualTo(new SummaryCounts(SummaryCounts.ABSENT, SummaryCounts.ABSENT, 150, 7, SummaryCounts.ABSENT));
        assertThat(ofW.get(1).station()).isEqualTo(new Station("s2", "Two", "u", 200));
        List<String> counted = new ArrayList<>();
        export.consensusSheets(r -> counted.add(r.station().id() + " " + r.contest() + " #" + r.entryIdx()));
        assertThat(counted).containsExactly("s1 pres #7", "s2 pres #9");
        List<String> rows = new ArrayList<>();
        export.consensus(
                List.of("pres", "gov"),
                r -> rows.add(r.station().id() + " " + r.contest() + " " + r.status()
                        + (r.hasCopy() ? " #" + r.entryIdx() + " " + r.votes() : " -")));
        assertThat(rows)
                .as("every station × contest, contests in the order given")
                .containsExactly(
                        "s1 pres agreed #7 40,40", "s1 gov null -",
                        "s2 pres single #9 100,50", "s2 gov single -",
                        "s3 pres null -", "s3 gov null -");
    }
}
