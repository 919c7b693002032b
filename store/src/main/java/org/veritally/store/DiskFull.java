package org.veritally.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * {@code STORE-FULL}: a write failed because the storage under the database or the data directory
 * is full. Recognised, anywhere in a cause chain (and in a JDBC batch's next exceptions), from
 *
 * <ul>
 *   <li>SQLite: result code {@code SQLITE_FULL} (13, "database or disk is full": no space for the
 *       database, its WAL or a temporary file, or the page cap {@code PRAGMA max_page_count}), and
 *       {@code SQLITE_IOERR_SHMSIZE} (the WAL index could not grow);
 *   <li>PostgreSQL: SQLSTATE {@code 53100} ({@code disk_full}). The other class 53 states (out of
 *       memory, too many connections) pass with time and stay {@code SRV-STORE};
 *   <li>a file write: {@code ENOSPC} ("No space left on device") or {@code EDQUOT} ("Disk quota
 *       exceeded").
 * </ul>
 *
 * Such a failure does not pass by itself, unlike a lost connection: an operator must free space.
 * It is raised as a {@link StoreException} whose message starts with its ID and names the
 * database or directory; the edge answers HTTP 507 or CLI exit 2. Stateless.
 */
public final class DiskFull {
    public static final StoreRule RULE = StoreRule.STORE_FULL;
    private static final String PG_DISK_FULL = "53100";

    private DiskFull() {}

    /** Whether {@code t} or any of its causes is a full disk. */
    public static boolean in(Throwable t) {
        return find(t).isPresent();
    }

    /**
     * The full-disk failure in {@code t}'s cause chain: the {@code STORE-FULL} {@link StoreException}
     * raised where it was recognised, or, for a raw cause that nothing translated, one made from it.
     */
    public static Optional<StoreException> find(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof StoreException s && s.rule().filter(RULE::equals).isPresent()) return Optional.of(s);
        }
        return specific(t).map(raw -> new StoreException(RULE, RULE + ": " + oneLine(raw), raw));
    }

    /**
     * The exception that says the disk is full, from the cause chain and a JDBC batch's next
     * exceptions; of those, the engine's own error rather than the driver's batch summary (which
     * may quote a whole statement).
     */
    private static Optional<Throwable> specific(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof SQLException e) {
                SQLException found = null;
                for (SQLException n = e; n != null; n = n.getNextException()) {
                    if (sqliteFull(n) || PG_DISK_FULL.equals(n.getSQLState()))
                        found = found == null || found instanceof BatchUpdateException ? n : found;
                }
                if (found != null) return Optional.of(found);
            } else if (x instanceof IOException
                    && x.getMessage() != null
                    && (x.getMessage().contains("No space left on device")
                            || x.getMessage().contains("Disk quota exceeded"))) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    private static boolean sqliteFull(SQLException e) {
        if (!(e instanceof SQLiteException s)) return false;
        SQLiteErrorCode c = s.getResultCode();
        return c == SQLiteErrorCode.SQLITE_FULL || c == SQLiteErrorCode.SQLITE_IOERR_SHMSIZE;
    }

    /** PostgreSQL's messages carry a hint on a second line; a CLI error is one line. */
    private static String oneLine(Throwable t) {
        return String.valueOf(t.getMessage()).strip().replaceAll("\\s*\\n\\s*", "; ");
    }

    /** The failure of a transaction or query on {@code db} that {@link #in} recognised. */
    static StoreException database(Database db, String what, Throwable cause) {
        String where = db.file()
                .map(f ->
                        "the SQLite database " + f + " is full; free space on the file system holding " + f.getParent())
                .orElse("the PostgreSQL database " + db
                        + " is out of disk space; free space on the database server's volume");
        return new StoreException(
                RULE,
                RULE + ": " + where + " and retry (" + what + ": "
                        + specific(cause).map(DiskFull::oneLine).orElse(oneLine(cause)) + ")",
                cause);
    }

    /** A file write into {@code dir} that failed for want of space; the file was not created. */
    static StoreException directory(Path dir, Path file, IOException cause) {
        return new StoreException(
                RULE,
                RULE + ": no space left in " + dir + " to write " + file.getFileName()
                        + " (nothing was written); free space there and retry (" + cause.getMessage() + ")",
                cause);
    }
}
