package org.veritally.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite writer's settings for a bulk import, and the durable sync that ends it (docs/performance.md, issue 15).
 * While it is open, the writer commits with {@code synchronous=NORMAL} in WAL mode: each commit is still atomic and
 * a power loss still leaves the database consistent, ending after some whole committed transaction, but the last
 * commits may be lost because the WAL is not synced at each one (sqlite.org/pragma.html#pragma_synchronous, "WAL
 * mode ... NORMAL"). The page cache is larger ({@value #CACHE_KIB} KiB) and the WAL is checkpointed every
 * {@value #CHECKPOINT_PAGES} pages instead of every 1,000, so a projection page changed by many batches is copied
 * to the database once, not once per batch.
 *
 * <p>{@link #close} makes every commit made so far durable before it returns: a {@code TRUNCATE} checkpoint syncs
 * the WAL, copies it into the database file and syncs that (or, when a reader keeps the checkpoint from finishing,
 * the WAL file itself is synced), then the usual settings ({@code synchronous=FULL}) come back. Nothing is
 * acknowledged before that: the import prints its summary and writes its receipts after {@link #close}. A crash
 * before it may lose whole batches, never part of one; a rerun of the same import takes the sheets already in the
 * log as unchanged.
 *
 * <p>On PostgreSQL it changes nothing (a bulk path with {@code COPY} is a separate step). Not thread-safe: the
 * store calls it under its writer's monitor.
 */
final class BulkMode {
    static final int CACHE_KIB = 262_144;
    static final int CHECKPOINT_PAGES = 65_536;

    private BulkMode() {}

    /** Applies the bulk settings to the SQLite writer {@code c}. */
    static void begin(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("PRAGMA cache_size=-" + CACHE_KIB);
            st.execute("PRAGMA wal_autocheckpoint=" + CHECKPOINT_PAGES);
        }
    }

    /**
     * Makes every commit of {@code c} durable and restores the settings of {@link Dialect#configure}; {@code file}
     * is the database file, whose {@code -wal} is synced when the checkpoint could not finish.
     */
    static void end(Connection c, Path file) throws SQLException {
        boolean finished;
        try (Statement st = c.createStatement()) {
            // a checkpoint syncs the WAL before it copies it, and the database after (synchronous=NORMAL)
            try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                finished = rs.next() && rs.getInt(1) == 0;
            }
            st.execute("PRAGMA synchronous=FULL");
            st.execute("PRAGMA cache_size=-65536");
            st.execute("PRAGMA wal_autocheckpoint=1000");
        }
        if (!finished) syncWal(file);
    }

    private static void syncWal(Path file) throws SQLException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (!Files.exists(wal)) return;
        try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new SQLException("sync " + wal + ": " + e.getMessage(), e);
        }
    }
}
