package org.veritally.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
