package org.veritally.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * PostgreSQL: a HikariCP pool of read connections shared by every thread. A borrowed connection
 * that fails is evicted by the pool, so reads recover by themselves after a server restart;
 * meanwhile a read waits at most {@value #WAIT_MS} ms for a connection and then fails with
 * {@link StoreException} (HTTP 503). Inside a snapshot, rows are fetched
 * {@value #FETCH} at a time rather than all at once. Thread-safe.
 */
final class PooledReaders implements Readers {
    static final int FETCH = 10_000;
    static final long WAIT_MS = 3_000;
    private final HikariDataSource pool;

    PooledReaders(Database db, int size) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(db.jdbcUrl());
        cfg.setDataSourceProperties(db.properties());
        cfg.setPoolName("veritally-readers");
        cfg.setMaximumPoolSize(size);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(WAIT_MS);
        cfg.setValidationTimeout(1_000);
        cfg.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(cfg);
    }

    @Override
    public void query(String sql, List<Object> args, Consumer<ResultSet> row) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            Readers.run(p, args, row);
        }
    }

    @Override
    public void queryOn(Connection c, String sql, List<Object> args, Consumer<ResultSet> row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setFetchSize(FETCH);
            Readers.run(p, args, row);
        }
    }

    @Override
    public Connection borrow() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void release(Connection c) throws SQLException {
        c.close();
    }

    @Override
    public void close() {
        pool.close();
    }
}
