package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.store.Database;
import org.veritally.store.ProjectionDump;
import org.veritally.store.Store;
import org.veritally.store.StoreHashReader;
import org.veritally.testkit.EmbeddedPostgresServer;
import org.veritally.translog.CompactRange;
import org.veritally.translog.LogHasher;

/**
 * {@code import} into PostgreSQL takes the bulk path ({@code COPY … FROM STDIN}, issue 15) and leaves what the
 * same import leaves in SQLite: the same log entries (so the same root at the same size, the checkpoint's), the
 * same tree nodes and every projection row alike. Large enough (3,000 sheets of 2 sources in one batch) that
 * the log, the current sheets, the totals and the statuses go by COPY.
 */
class PostgresBulkImportTest {
    @TempDir
    Path dir;

    @Test
    void aBulkImportIntoPostgresqlEqualsTheSqliteImportRootAndProjections() throws Exception {
        Path g = dir.resolve("gen");
        DatabaseOptionTest.ok(
                "generate",
                "--stations",
                "1500",
                "--contests",
                "1",
                "--sources",
                "2",
                "--seed",
                "15",
                "--out",
                g.toString());
        String url = EmbeddedPostgresServer.freshDatabase();
        String data = dir.resolve("data").toString();
        for (List<String> engine : List.of(List.<String>of(), List.of("--db", url))) {
            DatabaseOptionTest.ok(DatabaseOptionTest.with(
                    engine,
                    "import",
                    "--data",
                    data,
                    "--format",
                    "election",
                    g.resolve("election.json").toString()));
            DatabaseOptionTest.ok(DatabaseOptionTest.with(
                    engine,
                    "import",
                    "--data",
                    data,
                    "--format",
                    "csv",
                    "--quiet",
                    g.resolve("sheets.csv").toString()));
        }
        try (Store sqlite = Store.openSqlite(dir.resolve("data").resolve("veritally.db"));
                Store pg = Store.open(Database.parse(url))) {
            long size = sqlite.logSize();
            assertThat(size).as("the definition and 3,000 sheets").isGreaterThan(3_000);
            assertThat(pg.logSize()).isEqualTo(size);
            assertThat(root(pg, size)).isEqualTo(root(sqlite, size));
            assertThat(latestCheckpointSize(pg)).isEqualTo(size);
            assertThat(log(pg)).isEqualTo(log(sqlite));
            assertThat(nodes(pg)).isEqualTo(nodes(sqlite)).isNotEmpty();
            assertThat(ProjectionDump.of(pg)).isEqualTo(ProjectionDump.of(sqlite));
        }
    }

    static String root(Store s, long size) {
        return HexFormat.of()
                .formatHex(CompactRange.read(size, new StoreHashReader(s)).root(LogHasher.create()));
    }

    static long latestCheckpointSize(Store s) {
        long[] max = {-1};
        s.query(
                "SELECT MAX(tree_size) FROM checkpoint",
                List.of(),
                rs -> max[0] = Long.parseLong(Store.getString(rs, 1)));
        return max[0];
    }

    static List<String> log(Store s) {
        List<String> out = new ArrayList<>();
        for (long from = 0; ; ) {
            var rows = s.readLog(from, 10_000);
            if (rows.isEmpty()) return out;
            for (var r : rows)
                out.add(r.idx() + " " + r.kind() + " " + HexFormat.of().formatHex(r.leafHash()) + " "
                        + HexFormat.of().formatHex(r.body()));
            from += rows.size();
        }
    }

    static List<String> nodes(Store s) {
        List<String> out = new ArrayList<>();
        s.query(
                "SELECT level, idx, hash FROM tree_node ORDER BY level, idx",
                List.of(),
                rs -> out.add(Store.getString(rs, 1) + "/" + Store.getString(rs, 2) + " "
                        + HexFormat.of().formatHex(Store.getBytes(rs, 3))));
        return out;
    }
}
