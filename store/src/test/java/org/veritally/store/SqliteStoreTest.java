package org.veritally.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage conformance suite on a SQLite file, plus what only SQLite does (a file copy). */
class SqliteStoreTest extends StoreConformance {
    @TempDir
    Path dir;

    private int n;

    @Override
    List<String> overwritingInserts() {
        String cols = " INTO log_entry(idx, kind, body, leaf_hash, account, received_ms) VALUES (0, 'sheet', x'7b7d', "
                + "x'00', '', 0)";
        return List.of(
                "REPLACE" + cols,
                "INSERT OR REPLACE" + cols,
                "INSERT" + cols,
                "INSERT" + cols + " ON CONFLICT(idx) DO UPDATE SET body = excluded.body",
                "REPLACE INTO tree_node(level, idx, hash) VALUES (8, 0, x'01')",
                "INSERT INTO tree_node(level, idx, hash) VALUES (8, 0, x'01') ON CONFLICT(level, idx) DO UPDATE "
                        + "SET hash = excluded.hash");
    }

    @Override
    Database freshDatabase() {
        return Database.sqlite(dir.resolve("db" + (++n) + ".sqlite"));
    }

    /**
     * The real SQLITE_FULL path: SQLite refuses to grow the file past {@code max_page_count}, as it does when the disk
     * is full.
     */
    @Override
    void fillUp() {
        store.capPages(1);
    }

    @Override
    void makeRoom() {
        assertThat(store.capPages(1_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void snapshotIntoWritesAConsistentCopy() throws Exception {
        store.write(tx -> {
            tx.appendEntry(0, "election", bytes("{}"), new byte[32], "", 0);
            tx.putMeta("k", "v");
            return null;
        });
        Path copy = dir.resolve("copy.sqlite");
        store.snapshotInto(copy);
        assertThat(Files.size(copy)).isPositive();
        try (Store c = Store.openSqlite(copy)) {
            assertThat(c.logSize()).isEqualTo(1);
            String[] v = {""};
            c.query("SELECT value FROM meta", List.of(), rs -> v[0] = Store.getString(rs, 1));
            assertThat(v[0]).isEqualTo("v");
        }
    }

    /** The public copy of the database file: the account rows (token hashes) are gone, the rest is there. */
    @Test
    void sqliteCopyLeavesThePrivateTablesEmpty() throws Exception {
        byte[] hash = new byte[32];
        store.write(tx -> {
            tx.putAccount("w1", "witness", "party-a", hash, "", 1);
            tx.putMeta("k", "v");
            return null;
        });
        Path copy = dir.resolve("public-copy.sqlite");
        SqliteCopy.withoutPrivateTables(db.file().orElseThrow(), copy);
        try (Store c = Store.openSqlite(copy)) {
            assertThat(new AccountQueries(c).all()).isEmpty();
            String[] v = {""};
            c.query("SELECT value FROM meta", List.of(), rs -> v[0] = Store.getString(rs, 1));
            assertThat(v[0]).isEqualTo("v");
        }
    }

    private long writerPragma(String name) {
        return store.write(tx -> {
            try (Statement st = tx.connection().createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        });
    }

    /**
     * Bulk mode (docs/performance.md, issue 15): the writer commits with synchronous=NORMAL while it lasts; its end
     * checkpoints the WAL into the database file (TRUNCATE: the WAL is empty after it) and brings synchronous=FULL
     * back, so what was committed is in the database file itself when endBulk returns.
     */
    @Test
    void bulkModeCommitsWithNormalSyncAndItsEndLeavesEverythingInTheDatabaseFile() throws Exception {
        assertThat(writerPragma("synchronous")).isEqualTo(2); // FULL
        store.beginBulk();
        assertThat(writerPragma("synchronous")).isEqualTo(1); // NORMAL
        assertThat(writerPragma("wal_autocheckpoint")).isEqualTo(BulkMode.CHECKPOINT_PAGES);
        for (int i = 0; i < 3; i++) {
            int idx = i;
            store.write(tx -> {
                tx.appendEntry(idx, "sheet", bytes("{\"n\":" + idx + "}"), new byte[32], "", 0);
                return null;
            });
        }
        Path wal = dir.resolve(db.file().orElseThrow().getFileName() + "-wal");
        assertThat(Files.size(wal)).isPositive();
        store.endBulk();
        assertThat(Files.size(wal)).isZero();
        assertThat(writerPragma("synchronous")).isEqualTo(2);
        assertThat(writerPragma("wal_autocheckpoint")).isEqualTo(1000);
        // the database file alone, without its WAL, holds the three entries
        Path copy = dir.resolve("alone.sqlite");
        Files.copy(db.file().orElseThrow(), copy);
        try (Store c = Store.openSqlite(copy)) {
            assertThat(c.logSize()).isEqualTo(3);
        }
    }

    /** A transaction that fails in bulk mode is rolled back whole, as outside it: the batches before it stay. */
    @Test
    void aFailedTransactionInBulkModeLeavesNothingOfItself() {
        store.beginBulk();
        store.write(tx -> {
            tx.appendEntry(0, "sheet", bytes("{}"), new byte[32], "", 0);
            return null;
        });
        assertThatThrownBy(() -> store.write(tx -> {
                    tx.appendEntry(1, "sheet", bytes("{}"), new byte[32], "", 0);
                    tx.appendEntry(1, "sheet", bytes("{}"), new byte[32], "", 0); // LOG-APPEND refuses it
                    return null;
                }))
                .isInstanceOf(StoreException.class);
        store.endBulk();
        assertThat(store.logSize()).isEqualTo(1);
    }
}
