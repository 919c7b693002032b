package org.veritally.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The first row at which two stores' projections differ, in {@link ProjectionDump}'s order (table by table,
 * each by its primary key): what the integrity check ({@code INTEG-PROJ}) reports. Keeps a SHA-256 per row of
 * the expected side (32 bytes a row: 32 MB for a million sheets), reads each side once, and the expected row
 * once more when they differ. Run the actual side inside {@link Store#readSnapshot} to compare one state.
 * Stateless and thread-safe.
 */
public final class ProjectionDiff {
    /**
     * A differing row.
     *
     * @param table the projection table
     * @param row the row's position in the table's key order, from 0
     * @param expected the expected row ({@code (none)} when the actual side has an extra row)
     * @param actual the actual row ({@code (none)} when it lacks one)
     */
    public record Difference(String table, long row, String expected, String actual) {}

    private ProjectionDiff() {}

    /** The first row where {@code actual}'s projections differ from {@code expected}'s, if any. */
    public static Optional<Difference> first(Store expected, Store actual) {
        for (String q : ProjectionDump.QUERIES) {
            var d = first(q, expected, actual);
            if (d.isPresent()) return d;
        }
        return Optional.empty();
    }

    private static Optional<Difference> first(String q, Store expected, Store actual) {
        int cols = q.substring(7, q.indexOf(" FROM")).split(",").length;
        String table = q.substring(q.indexOf("FROM") + 5, q.indexOf(" ORDER"));
        MessageDigest md = sha256();
        byte[][] want = {new byte[32 * 1024]};
        long[] n = {0};
        expected.query(q, List.of(), rs -> {
            if ((n[0] + 1) * 32 > want[0].length) want[0] = Arrays.copyOf(want[0], want[0].length * 2);
            md.update(row(rs, cols).getBytes(StandardCharsets.UTF_8));
            System.arraycopy(md.digest(), 0, want[0], (int) (n[0]++ * 32), 32);
        });
        long[] i = {0};
        long[] at = {-1};
        String[] got = {null};
        actual.query(q, List.of(), rs -> {
            if (at[0] >= 0) return;
            String r = row(rs, cols);
            md.update(r.getBytes(StandardCharsets.UTF_8));
            byte[] h = md.digest();
            if (i[0] >= n[0] || !Arrays.equals(h, 0, 32, want[0], (int) (i[0] * 32), (int) (i[0] * 32 + 32))) {
                at[0] = i[0];
                got[0] = r;
            }
            i[0]++;
        });
        if (at[0] < 0 && i[0] == n[0]) return Optional.empty();
        long row = at[0] >= 0 ? at[0] : i[0];
        return Optional.of(new Difference(
                table, row, shown(rowAt(expected, q, cols, row)), got[0] == null ? "(none)" : shown(got[0])));
    }

    private static String rowAt(Store s, String q, int cols, long row) {
        String[] out = {"(none)"};
        long[] i = {0};
        s.query(q, List.of(), rs -> {
            if (i[0]++ == row) out[0] = row(rs, cols);
        });
        return out[0];
    }

    private static String shown(String row) {
        return row.replace('\u001f', '|');
    }

    private static String row(java.sql.ResultSet rs, int cols) {
        var sb = new StringBuilder();
        for (int c = 1; c <= cols; c++) {
            if (c > 1) sb.append('\u001f'); // U+001F, so that a '|' in a value cannot shift a column
            sb.append(Store.getString(rs, c));
        }
        return sb.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
