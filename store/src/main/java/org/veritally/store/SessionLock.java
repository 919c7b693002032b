package org.veritally.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock}) on a connection of its
 * own, held for as long as that session lives. The lock is never given up while the process runs
 * (only {@link #close} releases it, at once); when the process dies, the operating system closes
 * its socket, PostgreSQL ends the session and the lock is free for another instance. A restart of
 * the server ends the session too: {@link #held} then answers false and the holder must stop
 * writing.
 *
 * <p>Ending a session is asynchronous on the server: its backend releases the lock as it exits,
 * shortly after the client's socket closed. {@link #severAndAwaitRelease} waits for that.
 *
 * <p>Thread-safety: methods are synchronized.
 */
public final class SessionLock implements AutoCloseable {
    /** The key of the sequencer's lock (ASCII "vt-seqnc"). Advisory locks are scoped to one database. */
    public static final long SEQUENCER = 0x76742d7365716e63L;

    private final Database db;
    private final long key;
    private Connection session;
    /** The server process ({@code pg_backend_pid()}) of {@link #session}, or 0. */
    private int backendPid;

    private boolean held;

    public SessionLock(Database db, long key) {
        if (db.dialect() != Dialect.POSTGRESQL)
            throw new IllegalArgumentException("advisory locks are a PostgreSQL feature");
        this.db = db;
        this.key = key;
    }

    /** Takes the lock if it is free; true if this session holds it (now or already). Never blocks on the lock. */
    public synchronized boolean tryAcquire() {
        if (held()) return true;
        try {
            if (session == null) {
                session = Store.connect(db);
                session.setAutoCommit(true);
                try (PreparedStatement p = session.prepareStatement("SELECT pg_backend_pid()");
                        ResultSet rs = p.executeQuery()) {
                    rs.next();
                    backendPid = rs.getInt(1);
                }
            }
            try (PreparedStatement p = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                p.setLong(1, key);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    held = rs.getBoolean(1);
                }
            }
            return held;
        } catch (SQLException e) {
            sever();
            return false;
        }
    }

    /**
     * Whether the lock is still held: the session answers within {@code 2 s}. A dead session loses the lock for good.
     */
    public synchronized boolean held() {
        if (!held || session == null) return false;
        try {
            if (session.isValid(2)) return true;
        } catch (SQLException e) {
            // fall through: the session is gone
        }
        sever();
        return false;
    }

    /**
     * Closes the session abruptly, as the death of the process would: PostgreSQL releases the lock
     * as the session's backend exits, shortly after this returns. Used when the session failed.
     */
    public synchronized void sever() {
        held = false;
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                // already broken
            }
            session = null;
        }
        backendPid = 0;
    }

    /**
     * {@link #sever}, then waits until PostgreSQL has ended that session and released the lock (its
     * backend no longer holds it in {@code pg_locks}), so that another session's {@link #tryAcquire}
     * succeeds from now on; checked on a connection of its own, at most {@code timeoutMs}. Used by
     * tests to simulate a crash of the holder deterministically.
     *
     * @throws StoreException if the lock is still held after {@code timeoutMs}, or the database cannot be asked
     */
    public synchronized void severAndAwaitRelease(long timeoutMs) {
        int pid = backendPid;
        sever();
        if (pid == 0) return;
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        try (Connection c = Store.connect(db);
                PreparedStatement p = c.prepareStatement(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND pid = ?"
                                + " AND ((classid::bigint << 32) | objid::bigint) = ?")) {
            c.setAutoCommit(true);
            p.setInt(1, pid);
            p.setLong(2, key);
            while (true) {
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) return;
                }
                if (System.nanoTime() > deadline) {
                    throw new StoreException(
                            "the ended session (backend " + pid + ") still holds the advisory lock " + key + " after "
                                    + timeoutMs + " ms",
                            null);
                }
                Thread.sleep(5); // pacing of the poll; the condition above is what is waited for
            }
        } catch (SQLException e) {
            throw new StoreException("cannot check the release of the advisory lock: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the release of the advisory lock", e);
        }
    }

    /** Releases the lock ({@code pg_advisory_unlock}, done when this returns) and ends the session. */
    @Override
    public synchronized void close() {
        if (held && session != null) {
            try (PreparedStatement p = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                p.setLong(1, key);
                p.execute();
            } catch (SQLException e) {
                // the session is broken: its end releases the lock
            }
        }
        sever();
    }
}
