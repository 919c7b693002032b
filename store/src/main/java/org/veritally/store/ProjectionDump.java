package org.veritally.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Every projection row in a fixed order, as text: what {@code rebuild} must reproduce exactly.
 * Used by {@code rebuild --check} and by the tests that compare live and rebuilt projections. Reads
 * one snapshot ({@link Store#readSnapshot}); text sorts byte-wise on both engines, so the same
 * projections give the same dump on SQLite and PostgreSQL.
 */
public final class ProjectionDump {
    static final List<String> QUERIES = List.of(
            "SELECT id, entry_idx, body FROM election ORDER BY id",
            "SELECT id, name, level, parent, ord FROM unit ORDER BY id",
            "SELECT id, name, unit, registered, ord FROM station ORDER BY id",
            "SELECT id, name, kind, entry_idx FROM source ORDER BY id",
            "SELECT station, contest, source, entry_idx, registered, ballots, valid, nulls, blank, "
                    + "votes, digest_core, digest_opt FROM sheet_current ORDER BY station, contest, source",
            "SELECT unit, contest, source, stations, registered, ballots, valid, nulls, blank, votes "
                    + "FROM unit_total ORDER BY unit, contest, source",
            "SELECT station, contest, status, consensus_entry FROM station_status ORDER BY station, contest",
            "SELECT entry_idx, rule, message FROM sheet_flag ORDER BY entry_idx, rule",
            "SELECT id, entry_idx, body FROM announcement ORDER BY id",
            "SELECT audit, seed_idx, stations, choices, votes FROM audit_reported ORDER BY audit");

    private ProjectionDump() {}

    /** A SHA-256 over every projection row in order, and the row count: the same check in constant memory. */
    public static String digest(Store s) {
        return s.readSnapshot(() -> digestOf(s));
    }

    private static String digestOf(Store s) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            long[] rows = {0};
            for (String q : QUERIES) {
                int cols = q.substring(7, q.indexOf(" FROM")).split(",").length;
                md.update(q.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                s.query(q, List.of(), rs -> {
                    rows[0]++;
                    for (int i = 1; i <= cols; i++) {
                        md.update(String.valueOf(Store.getString(rs, i))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        md.update((byte) 0x1f);
                    }
                    md.update((byte) 0x1e);
                });
            }
            return rows[0] + " rows, sha256 " + java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> of(Store s) {
        return s.readSnapshot(() -> rowsOf(s));
    }

    private static List<String> rowsOf(Store s) {
        List<String> out = new ArrayList<>();
        for (String q : QUERIES) {
            int cols = q.substring(7, q.indexOf(" FROM")).split(",").length;
            String table = q.substring(q.indexOf("FROM") + 5, q.indexOf(" ORDER"));
            s.query(q, List.of(), rs -> {
                var sb = new StringBuilder(table).append(':');
                for (int i = 1; i <= cols; i++)
                    sb.append(Store.getString(rs, i)).append('|');
                out.add(sb.toString());
            });
        }
        return out;
    }
}
