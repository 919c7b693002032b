package org.veritally.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What differs between the two engines, and nothing else: every query, insert and upsert of the
 * store is one SQL text that runs on both ({@code INSERT … ON CONFLICT … DO UPDATE}, {@code LIMIT},
 * {@code RETURNING}). The differences kept here:
 *
 * <ul>
 *   <li>connection settings: SQLite PRAGMAs (WAL, {@code synchronous=FULL}, busy timeout) against
 *       PostgreSQL session settings ({@code synchronous_commit}, application name);
 *   <li>the schema scripts, one directory per dialect ({@code db/sqlite}, {@code db/postgresql}):
 *       {@code WITHOUT ROWID}, {@code BLOB}/{@code BYTEA}, trigger syntax, {@code COLLATE "C"} so
 *       PostgreSQL orders text byte-wise as SQLite does;
 *   <li>serialising migrations between processes (an advisory lock on PostgreSQL; SQLite's own
 *       file lock suffices);
 *   <li>a consistent read snapshot (a deferred transaction in WAL mode against
 *       {@code REPEATABLE READ});
 *   <li>a file copy of the database ({@code VACUUM INTO}; PostgreSQL has {@code pg_dump}).
 * </ul>
 *
 * Immutable.
 */
public enum Dialect {
    SQLITE("sqlite") {
        @Override
        void configure(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA busy_timeout=10000");
                st.execute("PRAGMA cache_size=-65536");
            }
        }

        @Override
        void snapshotInto(Connection c, java.nio.file.Path file) throws SQLException {
            try (PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
                p.setString(1, file.toAbsolutePath().toString());
                p.execute();
            }
        }
    },

    POSTGRESQL("postgresql") {
        @Override
        void configure(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                // the default, but a server may be configured otherwise: a receipt needs a durable commit
                st.execute("SET synchronous_commit TO on");
            }
        }

        @Override
        void lockMigrations(Connection c, boolean lock) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute((lock ? "SELECT pg_advisory_lock(" : "SELECT pg_advisory_unlock(") + MIGRATION_LOCK + ")");
            }
        }

        @Override
        void beginSnapshot(Connection c) throws SQLException {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
        }

        @Override
        void snapshotInto(Connection c, java.nio.file.Path file) {
            throw new IllegalStateException(
                    "a file copy is a SQLite operation; copy a PostgreSQL database with pg_dump");
        }
    };

    /** The versioned schema scripts, applied in order; both dialects have the same versions. */
    static final List<String> MIGRATIONS = List.of(
            "V1__init.sql",
            "V2__submission.sql",
            "V3__evidence.sql",
            "V4__evidence_blob.sql",
            "V5__append_only_insert.sql",
            "V6__rare_kind_index.sql",
            "V7__rare_kind_index_reports.sql",
            "V8__audit_reported.sql");

    /** The advisory-lock key that serialises migrations between instances (ASCII "vt-migra"). */
    static final long MIGRATION_LOCK = 0x76742d6d69677261L;

    private final String directory;

    Dialect(String directory) {
        this.directory = directory;
    }

    /** The resource directory of its migrations, {@code db/<directory>}. */
    String directory() {
        return directory;
    }

    /** Applies the session settings to a newly opened connection. */
    abstract void configure(Connection c) throws SQLException;

    /** Takes ({@code lock}) or releases the lock that keeps two processes from migrating at once. */
    void lockMigrations(Connection c, boolean lock) throws SQLException {}

    /** Called on a connection with auto-commit off, before its first read of a snapshot. */
    void beginSnapshot(Connection c) throws SQLException {}

    /** Writes a consistent copy of the database to {@code file}. */
    abstract void snapshotInto(Connection c, java.nio.file.Path file) throws SQLException;

    /**
     * Whether a failure means the connection is gone (server restart, network, terminated session),
     * so that the next use must reconnect: SQLSTATE classes 08 (connection exception) and 57P
     * (operator intervention), anywhere in the cause chain.
     */
    static boolean connectionLost(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof SQLException e
                    && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
