package org.veritally.store.blob;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Consumer;
import org.veritally.store.Database;
import org.veritally.store.Dialect;
import org.veritally.store.DiskFull;
import org.veritally.store.Store;
import org.veritally.store.StoreException;
import org.veritally.store.StoreRule;

/**
 * Blobs as rows of the table {@code evidence_blob(sha256, bytes, created_ms)} in the instance's own PostgreSQL
 * database (schema version 4, db/postgresql/V4__evidence_blob.sql), so that every instance on that database shares
 * them. A put asks whether the row is there, and inserts it only if not, with {@code ON CONFLICT DO NOTHING} for two
 * instances that put the same bytes at once; it commits with {@code synchronous_commit = on}, so it is durable when it
 * returns. Nothing updates a row; a row altered behind the program's back is caught on read ({@code STORE-BLOB-HASH}).
 *
 * <p>Its own small connection pool, apart from the store's writer, so that a 20 MB photo never holds up the log.
 * Thread-safe.
 */
public final class PostgresBlobStore implements BlobStore {
    static final int POOL = 4;
    private static final long FETCH = 1_000;

    private final Database db;
    private final HikariDataSource pool;

    /**
     * Opens the blobs of {@code db}, applying the schema migrations it lacks.
     *
     * @throws IllegalArgumentException {@code STORE-BLOB-URI} if {@code db} is not a PostgreSQL database
     */
    public PostgresBlobStore(Database db) {
        if (db.dialect() != Dialect.POSTGRESQL)
            throw new IllegalArgumentException(StoreRule.STORE_BLOB_URI
                    + ": --evidence postgres keeps the evidence in the PostgreSQL database of --db, but this instance"
                    + " uses " + db + "; use --evidence dir:PATH (the default) or s3://…");
        this.db = db;
        Store.migrate(db);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(db.jdbcUrl());
        Properties p = new Properties();
        if (!db.user().isEmpty()) p.setProperty("user", db.user());
        if (!db.password().isEmpty()) p.setProperty("password", db.password());
        p.setProperty("ApplicationName", "veritally-evidence");
        p.setProperty("connectTimeout", "5");
        cfg.setDataSourceProperties(p);
        cfg.setPoolName("veritally-evidence");
        cfg.setMaximumPoolSize(POOL);
        cfg.setMinimumIdle(0);
        cfg.setConnectionTimeout(10_000);
        cfg.setInitializationFailTimeout(-1);
        // the default, but a server may be configured otherwise: a put is durable when it returns
        cfg.setConnectionInitSql("SET synchronous_commit TO on");
        this.pool = new HikariDataSource(cfg);
    }

    @Override
    public String put(byte[] bytes) {
        String name = BlobHash.of(bytes);
        try (Connection c = pool.getConnection()) {
            if (exists(c, name)) return name;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO evidence_blob(sha256, bytes, created_ms) "
                    + "VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
                p.setString(1, name);
                p.setBytes(2, bytes);
                p.setLong(3, System.currentTimeMillis());
                p.executeUpdate();
            }
            return name;
        } catch (SQLException e) {
            throw failure("store the blob " + name, e);
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM evidence_blob WHERE sha256 = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<byte[]> get(String sha256hex) {
        BlobHash.require(sha256hex);
        try (Connection c = pool.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT bytes FROM evidence_blob WHERE sha256 = ?")) {
            q.setString(1, sha256hex);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(BlobHash.checked(sha256hex, rs.getBytes(1), "the table evidence_blob of " + db));
            }
        } catch (SQLException e) {
            throw failure("read the blob " + sha256hex, e);
        }
    }

    @Override
    public boolean has(String sha256hex) {
        BlobHash.require(sha256hex);
        try (Connection c = pool.getConnection()) {
            return exists(c, sha256hex);
        } catch (SQLException e) {
            throw failure("look up the blob " + sha256hex, e);
        }
    }

    @Override
    public OptionalLong size(String sha256hex) {
        BlobHash.require(sha256hex);
        try (Connection c = pool.getConnection();
                PreparedStatement q =
                        c.prepareStatement("SELECT octet_length(bytes) FROM evidence_blob WHERE sha256 = ?")) {
            q.setString(1, sha256hex);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw failure("read the size of the blob " + sha256hex, e);
        }
    }

    /** Streams the names in one read-only transaction, {@value #FETCH} rows at a time. */
    @Override
    public void forEachHash(Consumer<String> action) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement q = c.prepareStatement("SELECT sha256 FROM evidence_blob ORDER BY sha256")) {
                q.setFetchSize((int) FETCH);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        if (BlobHash.valid(name)) action.accept(name);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("list the blobs", e);
        }
    }

    @Override
    public String location() {
        return "postgres: the table evidence_blob of " + db;
    }

    @Override
    public void close() {
        pool.close();
    }

    private StoreException failure(String what, SQLException e) {
        if (DiskFull.in(e))
            return new StoreException(
                    StoreRule.STORE_FULL,
                    StoreRule.STORE_FULL + ": the PostgreSQL database " + db + " is out of disk space; free space on"
                            + " the database server's volume and retry (" + what + ": " + e.getMessage() + ")",
                    e);
        return new StoreException("cannot " + what + " in " + db + ": " + e.getMessage(), e);
    }
}
