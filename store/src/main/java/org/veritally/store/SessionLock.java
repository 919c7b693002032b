package org.veritally.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock}) on a connection of its
 * own, held for as long as that session lives. The lock is never given up while the process runs
 * (only {@link #close} releases it); when the process dies, the operating system closes its socket,
 * PostgreSQL ends the session and the lock is free for another instance. A restart of the server
 * ends the session too: {@link #held} then answers false and the holder must stop writing.
 *
 * <p>Thread-safety: methods are synchronized.
 */
public final class SessionLock implements AutoCloseable {
  /** The key of the sequencer's lock (ASCII "vt-seqnc"). Advisory locks are scoped to one database. */
  public static final long SEQUENCER = 0x76742d7365716e63L;

  private final Database db;
  private final long key;
  private Connection session;
  private boolean held;

  public SessionLock(Database db, long key) {
    if (db.dialect() != Dialect.POSTGRESQL) throw new IllegalArgumentException("advisory locks are a PostgreSQL feature");
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

  /** Whether the lock is still held: the session answers within {@code 2 s}. A dead session loses the lock for good. */
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
   * Closes the session abruptly, as the death of the process would: PostgreSQL releases the lock.
   * Used when the session failed, and by tests to simulate a crash of the holder.
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
  }

  @Override
  public synchronized void close() {
    sever();
  }
}
