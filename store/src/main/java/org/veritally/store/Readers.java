package org.veritally.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the store reads: on SQLite a connection per calling thread (WAL lets readers run beside the
 * writer, and each thread keeps its prepared statements); on PostgreSQL a small pool shared by all
 * threads (a server has a connection limit, and several instances share it). Implementations are
 * thread-safe.
 */
interface Readers extends AutoCloseable {
    /** Runs one query on a connection of this reader, with autocommit on. */
    void query(String sql, List<Object> args, Consumer<ResultSet> row) throws SQLException;

    /** Runs one query on {@code c}, a connection {@link #borrow}ed by the calling thread. */
    void queryOn(Connection c, String sql, List<Object> args, Consumer<ResultSet> row) throws SQLException;

    /** A connection for the calling thread's exclusive use until {@link #release}. */
    Connection borrow() throws SQLException;

    void release(Connection c) throws SQLException;

    @Override
    void close();

    static void bind(PreparedStatement p, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) p.setLong(i + 1, l);
            else if (a instanceof Integer n) p.setInt(i + 1, n);
            else if (a instanceof byte[] b) p.setBytes(i + 1, b);
            else p.setString(i + 1, (String) a);
        }
    }

    static void run(PreparedStatement p, List<Object> args, Consumer<ResultSet> row) throws SQLException {
        bind(p, args);
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) row.accept(rs);
        }
    }
}
