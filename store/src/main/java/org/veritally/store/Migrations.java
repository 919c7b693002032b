package org.veritally.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies the versioned schema scripts {@code db/<dialect>/V<n>__*.sql} ({@link Dialect#MIGRATIONS})
 * in order, each in its own transaction, and records them in {@code schema_version}. A database
 * newer than this program is refused rather than guessed at. On PostgreSQL an advisory lock keeps
 * two instances that start together from migrating at once.
 */
final class Migrations {
    private Migrations() {}

    static void apply(Connection c, Dialect d) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        d.lockMigrations(c, true);
        try {
            apply(c, d.directory(), Dialect.MIGRATIONS);
        } finally {
            c.setAutoCommit(true);
            d.lockMigrations(c, false);
            c.setAutoCommit(auto);
        }
    }

    private static void apply(Connection c, String dialect, List<String> scripts) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL)");
        }
        int current = 0;
        try (Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            if (rs.next()) current = rs.getInt(1);
        }
        if (current > scripts.size()) {
            throw new SQLException(
                    "database schema version " + current + " is newer than this program (" + scripts.size() + ")");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = current + 1; v <= scripts.size(); v++) {
                String sql = load("/db/" + dialect + "/" + scripts.get(v - 1));
                try (Statement st = c.createStatement()) {
                    for (String part : split(sql)) st.execute(part);
                    st.execute("INSERT INTO schema_version(version, script) VALUES (" + v + ", '" + scripts.get(v - 1)
                            + "')");
                }
                c.commit();
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static String load(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing migration " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Splits a script on statement ends, keeping SQLite trigger bodies ({@code BEGIN … END;}) and
     * PostgreSQL dollar-quoted function bodies ({@code $$ … $$}) whole.
     */
    static List<String> split(String sql) {
        var out = new java.util.ArrayList<String>();
        var cur = new StringBuilder();
        boolean dollar = false;
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (!dollar && (t.startsWith("--") || t.isEmpty())) continue;
            cur.append(line).append('\n');
            for (int i = t.indexOf("$$"); i >= 0; i = t.indexOf("$$", i + 2)) dollar = !dollar;
            if (dollar) continue;
            String upper = cur.toString().toUpperCase(java.util.Locale.ROOT);
            boolean block = upper.contains("CREATE TRIGGER") && upper.contains(" BEGIN ");
            if (t.endsWith(";")
                    && (!block || t.toUpperCase(java.util.Locale.ROOT).endsWith("END;"))) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }
}
