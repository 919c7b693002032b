package org.veritally.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.EmbeddedPostgresServer;

/**
 * The storage conformance suite on a real PostgreSQL server, plus what only PostgreSQL does: the
 * sequencer's advisory lock, reconnecting after the server dropped the sessions, no file copy.
 */
class PostgresStoreTest extends StoreConformance {
    @Override
    java.util.List<String> overwritingInserts() {
        String insert = "INSERT INTO log_entry(idx, kind, body, leaf_hash, account, received_ms) VALUES (0, 'sheet', "
                + "'\\x7b7d', '\\x00', '', 0)";
        String node = "INSERT INTO tree_node(level, idx, hash) VALUES (8, 0, '\\x01')";
        return java.util.List.of(
                insert,
                insert + " ON CONFLICT (idx) DO UPDATE SET body = EXCLUDED.body",
                insert + " ON CONFLICT DO NOTHING",
                node,
                node + " ON CONFLICT (level, idx) DO UPDATE SET hash = EXCLUDED.hash",
                node + " ON CONFLICT DO NOTHING");
    }

    @Override
    Database freshDatabase() {
        return Database.parse(EmbeddedPostgresServer.freshDatabase());
    }

    /**
     * A test cannot fill the server's disk (bench/disk-full.sh does, on a tmpfs): a trigger raises
     * PostgreSQL's own {@code disk_full} error (SQLSTATE 53100) with the message a full disk gives,
     * late in the transaction, after the log rows were inserted.
     */
    @Override
    void fillUp() {
        exec(
                store,
                "CREATE FUNCTION vt_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION"
                        + " 'could not extend file \"base/16384/16390\": No space left on device' USING "
                        + "ERRCODE = 'disk_full', HINT = 'Check free disk space.'; END $$");
        exec(
                store,
                "CREATE TRIGGER vt_disk_full BEFORE INSERT ON sheet_flag FOR EACH ROW EXECUTE FUNCTION vt_disk_full()");
    }

    @Override
    void makeRoom() {
        exec(store, "DROP TRIGGER vt_disk_full ON sheet_flag");
    }

    @Test
    void theDatabaseUrlIsParsedAndItsPasswordNeverShown() {
        Database d = Database.parse("postgresql://vt:s%40cr%3At@db.example:6543/tally?sslmode=require");
        assertThat(d.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/tally?sslmode=require");
        assertThat(d.user()).isEqualTo("vt");
        assertThat(d.password()).isEqualTo("s@cr:t");
        assertThat(d.toString()).doesNotContain("s@cr:t").doesNotContain("cr%3At");
        assertThat(Database.parse("postgres://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThatThrownBy(() -> Database.parse("mysql://h/db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Database.parse("postgresql://h:5432/")).hasMessageContaining("names no database");
    }

    @Test
    void onlyOneSessionHoldsTheSequencerLockAndItsDeathFreesIt() {
        try (SessionLock a = new SessionLock(db, SessionLock.SEQUENCER);
                SessionLock b = new SessionLock(db, SessionLock.SEQUENCER)) {
            assertThat(a.tryAcquire()).isTrue();
            assertThat(b.tryAcquire()).isFalse();
            assertThat(a.tryAcquire()).as("re-entrant for its holder").isTrue();
            a.severAndAwaitRelease(10_000);
            assertThat(a.held()).isFalse();
            assertThat(b.tryAcquire()).isTrue();
            assertThat(a.tryAcquire()).isFalse();
        }
    }

    @Test
    void aSessionKilledByTheServerLosesTheLock() throws Exception {
        try (SessionLock a = new SessionLock(db, SessionLock.SEQUENCER)) {
            assertThat(a.tryAcquire()).isTrue();
            terminateOtherSessions();
            assertThat(a.held()).isFalse();
            assertThat(a.tryAcquire()).as("takes it again on a new session").isTrue();
        }
    }

    /**
     * After the server dropped every session (as a restart does), the first write may fail (503); later ones reconnect.
     */
    @Test
    void writesAndReadsReconnectAfterTheServerDroppedTheirSessions() throws Exception {
        store.write(tx -> {
            tx.appendEntry(0, "sheet", bytes("{}"), new byte[32], "", 0);
            return null;
        });
        assertThat(store.logSize()).isEqualTo(1);
        terminateOtherSessions();
        int failures = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                store.write(tx -> {
                    tx.appendEntry(1, "sheet", bytes("{}"), new byte[32], "", 0);
                    return null;
                });
                break;
            } catch (StoreException e) {
                failures++;
            }
        }
        assertThat(failures).isLessThanOrEqualTo(1);
        long size = -1;
        for (int attempt = 0; attempt < 3 && size < 0; attempt++) {
            try {
                size = store.logSize();
            } catch (StoreException e) {
                // a pooled connection that died; the pool evicts it
            }
        }
        assertThat(size).isEqualTo(2);
    }

    @Test
    void aFileCopyIsRefused() {
        assertThatThrownBy(() -> store.snapshotInto(Path.of("/tmp/never.sqlite")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pg_dump");
    }

    private void terminateOtherSessions() throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.properties());
                Statement st = c.createStatement()) {
            // with a time-out, pg_terminate_backend returns once the process has exited (or after 10 s): the sessions
            // are over
            st.execute("CREATE TEMP TABLE ended AS SELECT pid FROM pg_stat_activity WHERE datname = "
                    + "current_database() AND pid <> pg_backend_pid()");
            st.execute("SELECT pg_terminate_backend(pid, 10000) FROM ended");
            try (var rs =
                    st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid IN (SELECT pid FROM ended)")) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("sessions still running 10 s after pg_terminate_backend")
                        .isZero();
            }
        }
    }
}
