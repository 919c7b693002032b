package org.veritally.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.tabulate.Tally;
import org.veritally.testkit.EmbeddedPostgresServer;
import org.veritally.testkit.Seeds;

/**
 * The PostgreSQL bulk path ({@link PgCopy}, issue 15): a transaction of many rows sent with {@code COPY} leaves
 * exactly the rows SQLite's batched statements leave, byte for byte, with text that needs COPY's escapes (tab,
 * newline, backslash, {@code \N}, non-ASCII), absent counts (NULL) and upserts of one key several times in one
 * transaction (the last wins); a small transaction goes as inserts; the log stays append-only under COPY.
 */
class PostgresCopyTest {
    @TempDir
    Path dir;

    private static final List<String> NASTY =
            List.of("plain", "tab\there", "line\nbreak", "back\\slash", "\\N", "crlf\r\n", "São Tomé · 東京", "");

    /** Writes a seeded mix of every bulk table's rows in one transaction; {@code rows} log entries. */
    static void writeMix(Store s, long seed, int rows) {
        SplittableRandom r = new SplittableRandom(seed);
        s.write(tx -> {
            for (int i = 0; i < rows; i++) {
                String text = NASTY.get(r.nextInt(NASTY.size()));
                byte[] body = ("{\"i\":" + i + ",\"t\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
                byte[] leaf = new byte[32];
                for (int b = 0; b < leaf.length; b++) leaf[b] = (byte) r.nextInt(256);
                tx.appendEntry(i, i % 7 == 0 ? "catalogue" : "sheet", body, leaf, text, 1_000L + i);
                if (i % 256 == 255) tx.putNode(8, i / 256, leaf);
                String station = "S" + r.nextInt(rows / 3 + 1) + (i % 11 == 0 ? text : "");
                var k = new SummaryCounts(
                        r.nextBoolean() ? SummaryCounts.ABSENT : 500,
                        r.nextBoolean() ? SummaryCounts.ABSENT : 300,
                        r.nextInt(300),
                        r.nextInt(9),
                        r.nextBoolean() ? SummaryCounts.ABSENT : r.nextInt(5));
                long[] votes = {r.nextInt(100), r.nextInt(100), r.nextInt(100)};
                tx.upsertSheet(station, "C1", "src\t" + (i % 2), i, k, votes, r.nextLong(), r.nextLong());
                tx.upsertStatus(station, "C1", i % 3 == 0 ? "DISPUTED" : "AGREED", i);
                tx.upsertTotal(
                        "U" + r.nextInt(40), "C1", "src", Tally.of(i, 2L * i, 3L * i, i, 1, 0, new long[] {i, 0, 7}));
            }
            return null;
        });
    }

    static List<String> dump(Store s) {
        List<String> out = new ArrayList<>(ProjectionDump.of(s));
        for (var row : s.readLog(0, 1_000_000))
            out.add(row.idx() + " " + row.kind() + " " + new String(row.body(), StandardCharsets.UTF_8) + " "
                    + java.util.HexFormat.of().formatHex(row.leafHash()));
        s.query(
                "SELECT level, idx, hash FROM tree_node ORDER BY level, idx",
                List.of(),
                rs -> out.add(Store.getString(rs, 1) + "/" + Store.getString(rs, 2) + " "
                        + java.util.HexFormat.of().formatHex(Store.getBytes(rs, 3))));
        s.query(
                "SELECT idx, account, received_ms FROM log_entry ORDER BY idx",
                List.of(),
                rs -> out.add(Store.getString(rs, 1) + " [" + Store.getString(rs, 2) + "] " + Store.getString(rs, 3)));
        return out;
    }

    @Test
    void aBulkTransactionSentWithCopyLeavesTheRowsSqliteLeaves() {
        long seed = Seeds.seed("postgres COPY vs sqlite", 15);
        for (int rows : new int[] {3_000, 40}) { // the bulk path, then a transaction small enough for inserts
            try (Store pg = Store.open(Database.parse(EmbeddedPostgresServer.freshDatabase()));
                    Store sqlite = Store.openSqlite(dir.resolve("s" + rows + ".db"))) {
                writeMix(pg, seed, rows);
                writeMix(sqlite, seed, rows);
                List<String> expected = dump(sqlite);
                assertThat(expected).hasSizeGreaterThan(rows);
                assertThat(dump(pg)).as("%d rows", rows).isEqualTo(expected);
            }
        }
    }

    @Test
    void copyIsUsedForALargeTransactionAndNotForASmallOne() {
        try (Store pg = Store.open(Database.parse(EmbeddedPostgresServer.freshDatabase()))) {
            long copied = pg.write(tx -> {
                for (int i = 0; i < PgCopy.COPY_FROM; i++)
                    tx.appendEntry(i, "sheet", new byte[] {'{', '}'}, new byte[32], "", i);
                for (int i = 0; i < 3; i++) tx.putNode(8, i, new byte[32]);
                try {
                    tx.flush();
                } catch (java.sql.SQLException e) {
                    throw new StoreException(e.getMessage(), e);
                }
                return tx.copiedRows();
            });
            assertThat(copied)
                    .as("the log entries by COPY, the 3 nodes as inserts")
                    .isEqualTo(PgCopy.COPY_FROM);
            assertThat(pg.logSize()).isEqualTo(PgCopy.COPY_FROM);
        }
    }

    /**
     * The rows are streamed to COPY a buffer at a time: a transaction of more text than the buffer, with rows each
     * larger than the buffer among them, arrives whole and in order (a definition of a million stations is such a
     * transaction; building its whole text in memory first ran a 1 GB heap out of memory).
     */
    @Test
    void rowsMoreThanTheCopyBufferAndRowsLargerThanItArriveWhole() {
        java.util.Random r = new java.util.Random(Seeds.seed("postgres COPY buffer", 16));
        int n = PgCopy.COPY_FROM + 100;
        List<byte[]> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[i % 97 == 0 ? PgCopy.COPY_BUFFER + 1234 : 3_000 + r.nextInt(3_000)];
            r.nextBytes(b);
            bodies.add(b);
        }
        try (Store pg = Store.open(Database.parse(EmbeddedPostgresServer.freshDatabase()))) {
            long copied = pg.write(tx -> {
                for (int i = 0; i < n; i++) tx.appendEntry(i, "sheet", bodies.get(i), new byte[32], "", i);
                try {
                    tx.flush();
                } catch (java.sql.SQLException e) {
                    throw new StoreException(e.getMessage(), e);
                }
                return tx.copiedRows();
            });
            assertThat(copied).isGreaterThanOrEqualTo(n);
            var rows = pg.readLog(0, n);
            assertThat(rows).hasSize(n);
            for (int i = 0; i < n; i++)
                assertThat(rows.get(i).body()).as("entry %d", i).isEqualTo(bodies.get(i));
        }
    }

    @Test
    void theLogStaysAppendOnlyUnderCopy() {
        try (Store pg = Store.open(Database.parse(EmbeddedPostgresServer.freshDatabase()))) {
            writeMix(pg, 1, 1_000);
            assertThatThrownBy(() -> writeMix(pg, 2, 1_000))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("LOG-APPEND");
            assertThat(pg.logSize()).isEqualTo(1_000);
        }
    }

    @Test
    void copyTextEscapesWhatTheFormatReserves() {
        StringBuilder b = new StringBuilder();
        for (Object v : new Object[] {"a\tb\nc\rd\\e", null, 42L, new byte[] {0, (byte) 0xff}}) {
            PgCopy.text(b, v);
            b.append('|');
        }
        assertThat(b.toString()).isEqualTo("a\\tb\\nc\\rd\\\\e|\\N|42|\\\\x00ff|");
    }
}
