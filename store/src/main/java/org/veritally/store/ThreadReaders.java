package org.veritally.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** SQLite: one read connection per calling thread, with its prepared statements cached. Thread-safe. */
final class ThreadReaders implements Readers {
    private final Database db;
    private final List<Connection> all = new ArrayList<>();
    private final ThreadLocal<Connection> connection;
    private final ThreadLocal<Map<String, PreparedStatement>> statements = ThreadLocal.withInitial(HashMap::new);

    ThreadReaders(Database db) {
        this.db = db;
        this.connection = ThreadLocal.withInitial(this::open);
    }

    private Connection open() {
        try {
            Connection c = DriverManager.getConnection(db.jdbcUrl(), db.properties());
            db.dialect().configure(c);
            synchronized (all) {
                all.add(c);
            }
            return c;
        } catch (SQLException e) {
            throw new StoreException("open read connection: " + e.getMessage(), e);
        }
    }

    @Override
    public void query(String sql, List<Object> args, Consumer<ResultSet> row) throws SQLException {
        queryOn(connection.get(), sql, args, row);
    }

    @Override
    public void queryOn(Connection c, String sql, List<Object> args, Consumer<ResultSet> row) throws SQLException {
        Map<String, PreparedStatement> cache = statements.get();
        PreparedStatement p = cache.get(sql);
        if (p == null) {
            p = c.prepareStatement(sql);
            cache.put(sql, p);
        }
        Readers.run(p, args, row);
    }

    @Override
    public Connection borrow() {
        return connection.get();
    }

    @Override
    public void release(Connection c) {}

    @Override
    public void close() {
        synchronized (all) {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing: nothing left to do with a connection that will not close
                }
            }
            all.clear();
        }
    }
}
