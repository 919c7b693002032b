package org.veritally.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.model.SummaryCounts;

/**
 * The SQLite file in the data directory: the log (entries, tree nodes, checkpoints) and the
 * projections. One writer connection, used by the sequencer through {@link #write}; reads use a
 * connection per calling thread, so readers never block the writer (WAL mode).
 *
 * <p>Durability: WAL with {@code synchronous=FULL}, so a transaction that {@link #write} returned
 * from survives a process kill and a power cut. Thread-safety: {@link #write} is synchronized;
 * reads are safe from any thread.
 */
public final class Store implements AutoCloseable {
  private final String url;
  private final Connection writer;
  private final Map<String, PreparedStatement> writerStmts = new HashMap<>();
  private final ThreadLocal<Connection> readers;
  private final List<Connection> allReaders = new ArrayList<>();

  private Store(String url) throws SQLException {
    this.url = url;
    this.writer = open(url);
    Migrations.apply(writer, "sqlite", Migrations.SQLITE);
    writer.setAutoCommit(false);
    this.readers = ThreadLocal.withInitial(() -> {
      try {
        Connection c = open(url);
        synchronized (allReaders) {
          allReaders.add(c);
        }
        return c;
      } catch (SQLException e) {
        throw new StoreException("open read connection", e);
      }
    });
  }

  /** Opens (creating if needed) the SQLite file. */
  public static Store openSqlite(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return new Store("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("open " + file + ": " + e.getMessage(), e);
    }
  }

  private static Connection open(String url) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("PRAGMA synchronous=FULL");
      st.execute("PRAGMA busy_timeout=10000");
      st.execute("PRAGMA cache_size=-65536");
    }
    return c;
  }

  /** Runs {@code work} in one transaction on the writer connection; commits, or rolls back on any failure. */
  public synchronized <T> T write(Function<Tx, T> work) {
    Tx tx = new Tx(writer, writerStmts);
    try {
      T out = work.apply(tx);
      tx.flush();
      writer.commit();
      return out;
    } catch (SQLException e) {
      rollback();
      throw new StoreException("commit failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
  }

  private void rollback() {
    try {
      writer.rollback();
      for (PreparedStatement p : writerStmts.values()) p.clearBatch();
    } catch (SQLException e) {
      throw new StoreException("rollback failed", e);
    }
  }

  Connection reader() {
    return readers.get();
  }

  private final ThreadLocal<Map<String, PreparedStatement>> readStmts = ThreadLocal.withInitial(HashMap::new);

  /** Runs a read query with the calling thread's connection (statements are cached per thread). */
  public void query(String sql, List<Object> args, Consumer<ResultSet> row) {
    try {
      PreparedStatement p = readStmts.get().get(sql);
      if (p == null) {
        p = reader().prepareStatement(sql);
        readStmts.get().put(sql, p);
      }
      for (int i = 0; i < args.size(); i++) {
        Object a = args.get(i);
        if (a instanceof Long l) p.setLong(i + 1, l);
        else if (a instanceof Integer n) p.setInt(i + 1, n);
        else if (a instanceof byte[] b) p.setBytes(i + 1, b);
        else p.setString(i + 1, (String) a);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) row.accept(rs);
      }
    } catch (SQLException e) {
      throw new StoreException("query failed: " + e.getMessage(), e);
    }
  }

  public long logSize() {
    long[] n = {0};
    query("SELECT COALESCE(MAX(idx) + 1, 0) FROM log_entry", List.of(), rs -> n[0] = getLong(rs, 1));
    return n[0];
  }

  /** Entries [from, from + max) in order. */
  public List<LogRow> readLog(long from, int max) {
    List<LogRow> out = new ArrayList<>();
    query("SELECT idx, kind, body, leaf_hash FROM log_entry WHERE idx >= ? ORDER BY idx LIMIT ?", List.of(from, (long) max),
        rs -> {
          try {
            out.add(new LogRow(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)));
          } catch (SQLException e) {
            throw new StoreException("read log", e);
          }
        });
    return out;
  }

  public Optional<StoredSheet> currentSheet(String station, String contest, String source) {
    List<StoredSheet> out = new ArrayList<>(1);
    query("SELECT station, contest, source, entry_idx, registered, ballots, valid, nulls, blank, votes FROM sheet_current"
        + " WHERE station = ? AND contest = ? AND source = ?", List.of(station, contest, source), rs -> out.add(sheet(rs)));
    return out.stream().findFirst();
  }

  public List<StoredSheet> sheetsOfStation(String station) {
    List<StoredSheet> out = new ArrayList<>();
    query("SELECT station, contest, source, entry_idx, registered, ballots, valid, nulls, blank, votes FROM sheet_current"
        + " WHERE station = ? ORDER BY contest, source", List.of(station), rs -> out.add(sheet(rs)));
    return out;
  }

  /** Reads a sheet_current row selected as (station, contest, source, entry_idx, registered, ballots, valid, nulls, blank, votes). */
  public static StoredSheet sheetOf(ResultSet rs) {
    return sheet(rs);
  }

  static StoredSheet sheet(ResultSet rs) {
    try {
      return new StoredSheet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
          new SummaryCounts(opt(rs, 5), opt(rs, 6), rs.getLong(7), rs.getLong(8), opt(rs, 9)), StoredSheet.splitVotes(rs.getString(10)));
    } catch (SQLException e) {
      throw new StoreException("read sheet", e);
    }
  }

  private static long opt(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? SummaryCounts.ABSENT : v;
  }

  public static long getLong(ResultSet rs, int i) {
    try {
      return rs.getLong(i);
    } catch (SQLException e) {
      throw new StoreException("read", e);
    }
  }

  public static String getString(ResultSet rs, int i) {
    try {
      return rs.getString(i);
    } catch (SQLException e) {
      throw new StoreException("read", e);
    }
  }

  public static byte[] getBytes(ResultSet rs, int i) {
    try {
      return rs.getBytes(i);
    } catch (SQLException e) {
      throw new StoreException("read", e);
    }
  }

  /** Deletes every projection row (not the log), for {@code rebuild}. */
  public void clearProjections(Tx tx) {
    try (Statement st = writer.createStatement()) {
      for (String t : List.of("meta", "election", "unit", "station", "source", "sheet_current", "unit_total", "station_status", "sheet_flag", "announcement")) {
        st.execute("DELETE FROM " + t);
      }
    } catch (SQLException e) {
      throw new StoreException("clear projections", e);
    }
  }

  public String url() {
    return url;
  }

  @Override
  public synchronized void close() {
    try {
      for (PreparedStatement p : writerStmts.values()) p.close();
      writer.close();
      synchronized (allReaders) {
        for (Connection c : allReaders) c.close();
      }
    } catch (SQLException e) {
      throw new StoreException("close", e);
    }
  }
}
