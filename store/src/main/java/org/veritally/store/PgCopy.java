package org.veritally.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * The bulk path of a PostgreSQL transaction (issue 15): the rows a transaction writes to the log and to the
 * projections that grow with the sheets ({@code log_entry}, {@code tree_node}, {@code sheet_current}, {@code
 * unit_total}, {@code station_status}) are kept and sent with {@code COPY … FROM STDIN} (PostgreSQL 16 manual,
 * "COPY", text format: columns separated by a tab, {@code \N} for NULL, backslash escapes; {@code bytea} in its
 * hex form) when a flush holds at least {@value #COPY_FROM} rows of a table, else as the batched {@code INSERT}s
 * they stand for. A projection row is an upsert: the rows of one key are first reduced to the last written (what
 * the same upserts in order would leave), copied into a temporary table of the same columns, and moved with one
 * {@code INSERT … SELECT … ON CONFLICT … DO UPDATE}. The log's own triggers (append-only, V5) fire on {@code COPY}
 * as on {@code INSERT}. Nothing is visible before the transaction commits, as with batched statements.
 *
 * <p>Not thread-safe: one per {@link Tx}.
 */
final class PgCopy {
    /** A table of the bulk path: its columns, and how many of the first ones are its key (0: insert only). */
    enum Table {
        LOG_ENTRY("log_entry", 0, "idx", "kind", "body", "leaf_hash", "account", "received_ms"),
        TREE_NODE("tree_node", 0, "level", "idx", "hash"),
        SHEET_CURRENT(
                "sheet_current",
                3,
                "station",
                "contest",
                "source",
                "entry_idx",
                "registered",
                "ballots",
                "valid",
                "nulls",
                "blank",
                "votes",
                "digest_core",
                "digest_opt"),
        UNIT_TOTAL(
                "unit_total",
                3,
                "unit",
                "contest",
                "source",
                "stations",
                "registered",
                "ballots",
                "valid",
                "nulls",
                "blank",
                "votes"),
        STATION_STATUS("station_status", 2, "station", "contest", "status", "consensus_entry");

        final String name;
        final int keys;
        final List<String> columns;

        Table(String name, int keys, String... columns) {
            this.name = name;
            this.keys = keys;
            this.columns = List.of(columns);
        }

        String columnList() {
            return String.join(", ", columns);
        }

        /** What the rows do on a key already present: nothing for the log (its triggers refuse it), else update. */
        String onConflict() {
            if (keys == 0) return "";
            List<String> set = new ArrayList<>();
            for (String c : columns.subList(keys, columns.size())) set.add(c + " = excluded." + c);
            return " ON CONFLICT(" + String.join(", ", columns.subList(0, keys)) + ") DO UPDATE SET "
                    + String.join(", ", set);
        }

        String staging() {
            return "vt_copy_" + name;
        }
    }

    /**
     * Whether transactions on PostgreSQL take this path: yes unless the system property {@code veritally.pg.copy}
     * is {@code off} (for measuring the batched statements beside it: bench/import-postgres.sh).
     */
    static final boolean ENABLED = !"off".equals(System.getProperty("veritally.pg.copy"));

    /** The fewest rows of a table in a flush sent with {@code COPY}; fewer go as batched inserts. */
    static final int COPY_FROM = 512;
    /** Bytes of COPY text sent to the server at a time (the rows are streamed, never held whole). */
    static final int COPY_BUFFER = 1 << 20;

    /** Rows kept before they are sent, whatever the transaction's size. */
    static final int FLUSH_EVERY = 50_000;

    private final Connection c;
    private final Map<Table, List<Object[]>> inserts = new LinkedHashMap<>();
    private final Map<Table, Map<List<Object>, Object[]>> upserts = new LinkedHashMap<>();
    private int rows;
    private long copied;

    PgCopy(Connection c) {
        this.c = c;
    }

    /** Keeps a row of {@code t}: its values in the order of the table's columns (Long, String, byte[] or null). */
    void add(Table t, Object... row) throws SQLException {
        if (row.length != t.columns.size()) throw new IllegalArgumentException(t.name + ": " + row.length + " values");
        if (t.keys == 0) inserts.computeIfAbsent(t, k -> new ArrayList<>()).add(row);
        else
            upserts.computeIfAbsent(t, k -> new LinkedHashMap<>())
                    .put(Arrays.asList(row).subList(0, t.keys), row); // the last write of a key wins
        if (++rows >= FLUSH_EVERY) flush();
    }

    /** How many rows went by {@code COPY} so far (for tests and the bench). */
    long copied() {
        return copied;
    }

    /** Sends every kept row. */
    void flush() throws SQLException {
        for (var e : inserts.entrySet()) send(e.getKey(), e.getValue());
        for (var e : upserts.entrySet())
            send(e.getKey(), new ArrayList<>(e.getValue().values()));
        inserts.clear();
        upserts.clear();
        rows = 0;
    }

    private void send(Table t, List<Object[]> rs) throws SQLException {
        if (rs.isEmpty()) return;
        if (rs.size() < COPY_FROM) {
            insert(t, rs);
            return;
        }
        if (t.keys == 0) {
            copyIn(t.name, t, rs);
        } else {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE IF NOT EXISTS " + t.staging() + " (LIKE " + t.name
                        + ") ON COMMIT DELETE ROWS");
                st.execute("TRUNCATE " + t.staging());
            }
            copyIn(t.staging(), t, rs);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO " + t.name + "(" + t.columnList() + ") SELECT " + t.columnList()
                        + " FROM " + t.staging() + t.onConflict());
            }
        }
        copied += rs.size();
    }

    /**
     * Streams the rows to {@code COPY … FROM STDIN} through a buffer of {@value #COPY_BUFFER} bytes: a definition of a
     * million stations is one flush of a million rows, and building its whole text in memory first (about 150 MB,
     * held twice while it grew and again as an array) ran a 1 GB heap out of memory.
     */
    private void copyIn(String table, Table t, List<Object[]> rs) throws SQLException {
        org.postgresql.copy.CopyIn in = c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + "(" + t.columnList() + ") FROM STDIN");
        try {
            byte[] buf = new byte[COPY_BUFFER];
            int used = 0;
            StringBuilder line = new StringBuilder(256);
            for (Object[] r : rs) {
                line.setLength(0);
                for (int i = 0; i < r.length; i++) {
                    if (i > 0) line.append('\t');
                    text(line, r[i]);
                }
                line.append('\n');
                byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
                if (used + b.length > buf.length) {
                    in.writeToCopy(buf, 0, used);
                    used = 0;
                }
                if (b.length > buf.length) in.writeToCopy(b, 0, b.length);
                else {
                    System.arraycopy(b, 0, buf, used, b.length);
                    used += b.length;
                }
            }
            if (used > 0) in.writeToCopy(buf, 0, used);
            in.endCopy();
        } finally {
            if (in.isActive()) in.cancelCopy();
        }
    }

    /** A value in COPY's text format (PostgreSQL manual, "COPY", "Text Format"). */
    static void text(StringBuilder b, Object v) {
        if (v == null) {
            b.append("\\N");
        } else if (v instanceof byte[] bytes) {
            // bytea's hex input form \x…, its backslash doubled for the text format
            b.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        } else if (v instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(ch);
                }
            }
        } else {
            b.append(v);
        }
    }

    private void insert(Table t, List<Object[]> rs) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(t.columns.size(), "?"));
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO " + t.name + "(" + t.columnList() + ") VALUES (" + marks + ")" + t.onConflict())) {
            for (Object[] r : rs) {
                for (int i = 0; i < r.length; i++) {
                    Object v = r[i];
                    if (v == null) p.setNull(i + 1, java.sql.Types.BIGINT);
                    else if (v instanceof Long l) p.setLong(i + 1, l);
                    else if (v instanceof byte[] bytes) p.setBytes(i + 1, bytes);
                    else p.setString(i + 1, (String) v);
                }
                p.addBatch();
            }
            p.executeBatch();
        }
    }
}
