package org.veritally.store;

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
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.veritally.core.model.SummaryCounts;

/**
 * The database: the log (entries, tree nodes, checkpoints), the projections, the accounts and the
 * submission queue. Two engines behind one SQL text ({@link Dialect}): a SQLite file in the data
 * directory (the embedded default) or a PostgreSQL database shared by several instances.
 *
 * <p>One writer connection, used through {@link #write}; if the engine drops it (a PostgreSQL
 * restart), that write fails with {@link StoreException} and the next one reconnects. Reads use
 * {@link Readers}: a connection per thread on SQLite, a pool on PostgreSQL.
 *
 * <p>Durability: SQLite in WAL mode with {@code synchronous=FULL} (a bulk import relaxes it until {@link #endBulk},
 * which syncs everything before the import acknowledges anything: {@link BulkMode}); PostgreSQL with
 * {@code synchronous_commit=on}. Either way a transaction that {@link #write} returned from
 * survives a process kill, and one that failed left nothing behind: on a full disk it fails with
 * {@link DiskFull STORE-FULL} and is rolled back whole (log entries, tree nodes, checkpoint and
 * projections alike); the next write tries again. Thread-safety: {@link #write} is synchronized;
 * reads are safe from any thread.
 */
public final class Store implements AutoCloseable {
    /** Read connections in the PostgreSQL pool of one instance. */
    static final int POOL = 8;

    private final Database db;
    private Connection writer;
    private final Map<String, PreparedStatement> writerStmts = new HashMap<>();
    private final Readers readers;
    private final ThreadLocal<Connection> pinned = new ThreadLocal<>();
    /** {@code PRAGMA max_page_count} of the SQLite writer, or 0 for none ({@link #capPages}). */
    private long pageCap;
    /** When a write last failed with {@link DiskFull STORE-FULL}, or -1 when one committed since. */
    private volatile long lastFullMs = -1;

    private static final String ROLLED_BACK = "the transaction was rolled back, nothing of it was written";

    private Store(Database db) throws SQLException {
        this.db = db;
        this.writer = connect(db);
        try {
            Migrations.apply(writer, db.dialect());
        } catch (SQLException e) {
            writer.close();
            throw e;
        }
        this.readers = db.dialect() == Dialect.SQLITE ? new ThreadReaders(db) : new PooledReaders(db, POOL);
    }

    /** Opens (creating if needed) the SQLite file. */
    public static Store openSqlite(Path file) {
        return open(Database.sqlite(file));
    }

    /**
     * Opens the database, applying any migration it lacks. A SQLite file that does not exist yet is created first,
     * readable by its owner alone, and so are its {@code -wal} and {@code -shm} ({@link OwnerOnly}).
     */
    public static Store open(Database db) {
        try {
            if (db.file().isPresent()) OwnerOnly.file(db.file().get());
        } catch (java.io.IOException e) {
            throw new StoreException("open " + db + ": " + e.getMessage(), e);
        }
        try {
            return new Store(db);
        } catch (SQLException e) {
            if (DiskFull.in(e)) throw DiskFull.database(db, "opening it", e);
            throw new StoreException("open " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies any migration {@code db} lacks, without opening the store: for what shares the database beside it, such
     * as the evidence blobs ({@code org.veritally.store.blob.PostgresBlobStore}). Safe while instances run (the same
     * lock as {@link #open}).
     */
    public static void migrate(Database db) {
        try (Connection c = connect(db)) {
            Migrations.apply(c, db.dialect());
            c.commit();
        } catch (SQLException e) {
            if (DiskFull.in(e)) throw DiskFull.database(db, "migrating it", e);
            throw new StoreException("migrate " + db + ": " + e.getMessage(), e);
        }
    }

    static Connection connect(Database db) throws SQLException {
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.properties());
        db.dialect().configure(c);
        c.setAutoCommit(false);
        return c;
    }

    public Database database() {
        return db;
    }

    public Dialect dialect() {
        return db.dialect();
    }

    /**
     * Runs {@code work} in one transaction on the writer connection; commits, or rolls back on any
     * failure. A full disk fails it with {@link DiskFull STORE-FULL}, and nothing of it is written.
     */
    public synchronized <T> T write(Function<Tx, T> work) {
        Connection w;
        try {
            w = writer();
        } catch (SQLException e) {
            if (DiskFull.in(e)) throw full(e);
            throw new StoreException("cannot reach the database " + db + ": " + e.getMessage(), e);
        }
        Tx tx = new Tx(w, writerStmts, db.dialect());
        try {
            T out = work.apply(tx);
            tx.flush();
            w.commit();
            lastFullMs = -1;
            return out;
        } catch (SQLException e) {
            abandon(e);
            if (DiskFull.in(e)) throw full(e);
            throw new StoreException("commit failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abandon(e);
            if (DiskFull.in(e)) throw full(e);
            throw e;
        }
    }

    /**
     * Switches the SQLite writer to the settings of a bulk import until {@link #endBulk} ({@link BulkMode}: commits
     * atomic but synced only at the end); a no-op on PostgreSQL.
     */
    public synchronized void beginBulk() {
        if (db.dialect() != Dialect.SQLITE) return;
        outsideTransaction("begin a bulk import", BulkMode::begin);
    }

    /**
     * Ends bulk mode: every commit so far is durable when this returns, and the writer's usual settings are back
     * ({@link BulkMode#end}). A no-op on PostgreSQL.
     */
    public synchronized void endBulk() {
        if (db.dialect() != Dialect.SQLITE) return;
        outsideTransaction(
                "make the bulk import durable", c -> BulkMode.end(c, db.file().orElseThrow()));
    }

    private interface ConnectionWork {
        void run(Connection c) throws SQLException;
    }

    /** SQLite refuses some PRAGMAs inside a transaction; the writer is between transactions here. */
    private void outsideTransaction(String what, ConnectionWork work) {
        try {
            Connection w = writer();
            w.setAutoCommit(true);
            try {
                work.run(w);
            } finally {
                w.setAutoCommit(false);
            }
        } catch (SQLException e) {
            if (DiskFull.in(e)) throw full(e);
            throw new StoreException(what + ": " + e.getMessage(), e);
        }
    }

    private Connection writer() throws SQLException {
        if (writer == null) {
            Connection c = connect(db);
            if (pageCap > 0) maxPageCount(c, pageCap);
            writer = c;
        }
        return writer;
    }

    private StoreException full(Throwable e) {
        lastFullMs = System.currentTimeMillis();
        return e instanceof StoreException s && s.rule().isPresent() ? s : DiskFull.database(db, ROLLED_BACK, e);
    }

    /**
     * When (epoch milliseconds) a write last failed with {@link DiskFull STORE-FULL}, if no write
     * committed since: while present, the storage is probably still full.
     */
    public OptionalLong lastFullRefusal() {
        long t = lastFullMs;
        return t < 0 ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /**
     * SQLite only: caps the database at {@code pages} pages on the writer connection ({@code PRAGMA
     * max_page_count}, applied again after a reconnect), so that a write needing more fails with
     * {@code SQLITE_FULL} exactly as on a full disk. For the tests and drills of {@link DiskFull
     * STORE-FULL}. SQLite never caps below the current size, so {@code capPages(1)} makes the
     * database full as it stands. Returns the cap in force.
     *
     * @throws IllegalStateException on PostgreSQL
     */
    public synchronized long capPages(long pages) {
        if (db.dialect() != Dialect.SQLITE) throw new IllegalStateException("a page cap is a SQLite setting");
        if (pages < 1) throw new IllegalArgumentException("pages must be positive");
        try {
            long cap = maxPageCount(writer(), pages);
            pageCap = cap;
            return cap;
        } catch (SQLException e) {
            throw new StoreException("set max_page_count on " + db + ": " + e.getMessage(), e);
        }
    }

    private static long maxPageCount(Connection c, long pages) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA max_page_count = " + pages)) {
            return rs.next() ? rs.getLong(1) : pages;
        }
    }

    /** Rolls back a failed transaction; drops the writer if the connection is gone, so the next write reconnects. */
    private void abandon(Throwable cause) {
        boolean lost = Dialect.connectionLost(cause);
        if (!lost) {
            try {
                writer.rollback();
                for (PreparedStatement p : writerStmts.values()) p.clearBatch();
            } catch (SQLException e) {
                lost = true;
            }
        }
        if (lost) dropWriter();
    }

    private void dropWriter() {
        for (PreparedStatement p : writerStmts.values()) {
            try {
                p.close();
            } catch (SQLException e) {
                // the connection is gone; so is the statement
            }
        }
        writerStmts.clear();
        try {
            writer.close();
        } catch (SQLException e) {
            // already broken
        }
        writer = null;
    }

    /**
     * Runs a read query (statements are cached per thread on SQLite). Inside {@link #readSnapshot}, reads that
     * snapshot.
     */
    public void query(String sql, List<Object> args, Consumer<ResultSet> row) {
        try {
            Connection pin = pinned.get();
            if (pin != null) readers.queryOn(pin, sql, args, row);
            else readers.query(sql, args, row);
        } catch (SQLException e) {
            if (DiskFull.in(e)) throw DiskFull.database(db, "a query found no room for its temporary data", e);
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} with every {@link #query} of the calling thread reading one consistent
     * snapshot of the database (a read-only transaction), so a writer that commits meanwhile, in
     * this process or another, is not half seen. Nested calls join the outer snapshot.
     */
    public <T> T readSnapshot(Supplier<T> work) {
        if (pinned.get() != null) return work.get();
        Connection c;
        try {
            c = readers.borrow();
            c.setAutoCommit(false);
            db.dialect().beginSnapshot(c);
        } catch (SQLException e) {
            throw new StoreException("begin a read snapshot: " + e.getMessage(), e);
        }
        pinned.set(c);
        try {
            return work.get();
        } finally {
            pinned.remove();
            try {
                c.rollback();
                c.setAutoCommit(true);
                readers.release(c);
            } catch (SQLException e) {
                throw new StoreException("end a read snapshot: " + e.getMessage(), e);
            }
        }
    }

    /** Writes a consistent copy of the database to {@code file} (SQLite; PostgreSQL has pg_dump). */
    public void snapshotInto(Path file) {
        try {
            Connection c = readers.borrow();
            try {
                db.dialect().snapshotInto(c, file);
            } finally {
                readers.release(c);
            }
        } catch (SQLException e) {
            if (DiskFull.in(e))
                throw new StoreException(
                        DiskFull.RULE,
                        DiskFull.RULE + ": no space to copy the database to " + file + ": " + e.getMessage(),
                        e);
            throw new StoreException("copy the database to " + file + ": " + e.getMessage(), e);
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
        query(
                "SELECT idx, kind, body, leaf_hash FROM log_entry WHERE idx >= ? ORDER BY idx LIMIT ?",
                List.of(from, (long) max),
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
        query(
                "SELECT station, contest, source, entry_idx, registered, ballots, valid, nulls, blank, "
                        + "votes FROM sheet_current"
                        + " WHERE station = ? AND contest = ? AND source = ?",
                List.of(station, contest, source),
                rs -> out.add(sheet(rs)));
        return out.stream().findFirst();
    }

    public List<StoredSheet> sheetsOfStation(String station) {
        List<StoredSheet> out = new ArrayList<>();
        query(
                "SELECT station, contest, source, entry_idx, registered, ballots, valid, nulls, blank, "
                        + "votes FROM sheet_current"
                        + " WHERE station = ? ORDER BY contest, source",
                List.of(station),
                rs -> out.add(sheet(rs)));
        return out;
    }

    /**
     * Reads a sheet_current row selected as (station, contest, source, entry_idx, registered, ballots, valid, nulls,
     * blank, votes).
     */
    public static StoredSheet sheetOf(ResultSet rs) {
        return sheet(rs);
    }

    static StoredSheet sheet(ResultSet rs) {
        try {
            return new StoredSheet(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    new SummaryCounts(opt(rs, 5), opt(rs, 6), rs.getLong(7), rs.getLong(8), opt(rs, 9)),
                    StoredSheet.splitVotes(rs.getString(10)));
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
        try (Statement st = tx.connection().createStatement()) {
            for (String t : List.of(
                    "meta",
                    "election",
                    "unit",
                    "station",
                    "source",
                    "sheet_current",
                    "unit_total",
                    "station_status",
                    "sheet_flag",
                    "announcement",
                    "evidence",
                    "audit_reported")) {
                st.execute("DELETE FROM " + t);
            }
        } catch (SQLException e) {
            throw new StoreException("clear projections", e);
        }
    }

    /** The JDBC URL (it never holds the password: that is a connection property). */
    public String url() {
        return db.jdbcUrl();
    }

    @Override
    public synchronized void close() {
        try {
            readers.close();
        } finally {
            if (writer != null) dropWriter();
        }
    }
}
