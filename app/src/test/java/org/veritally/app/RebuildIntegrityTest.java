package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.store.ProjectionDump;
import org.veritally.store.Store;

/**
 * Issue 16, finding 4: {@code rebuild --check} over a log whose sheet body was changed (two candidates' figures
 * swapped, the sum kept) exits 1 naming INTEG-LEAF and the entry, and writes nothing: a second run says the same
 * (it used to rewrite the projections on the first run and pass REBUILD-EQ on the second).
 */
class RebuildIntegrityTest {
    @TempDir
    Path dir;

    @Test
    void integLeafRebuildCheckRefusesATamperedLogAndWritesNothing() throws Exception {
        Path g = dir.resolve("gen");
        Path data = dir.resolve("data");
        assertThat(CliTest.run(
                                "generate",
                                "--stations",
                                "40",
                                "--contests",
                                "1",
                                "--sources",
                                "2",
                                "--seed",
                                "3",
                                "--out",
                                g.toString())
                        .code())
                .isZero();
        assertThat(CliTest.run(
                                "import",
                                "--data",
                                data.toString(),
                                "--format",
                                "election",
                                g.resolve("election.json").toString())
                        .code())
                .isZero();
        assertThat(CliTest.run(
                                "import",
                                "--data",
                                data.toString(),
                                "--format",
                                "csv",
                                "--quiet",
                                g.resolve("sheets.csv").toString())
                        .code())
                .isZero();
        Path db = data.resolve(Instance.DB_FILE);
        long idx;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT idx, body FROM log_entry WHERE kind = 'sheet' ORDER BY idx LIMIT 1");
            rs.next();
            idx = rs.getLong(1);
            String body = new String(rs.getBytes(2), StandardCharsets.UTF_8);
            rs.close();
            var m = Pattern.compile("\"votes\":\\{\"([^\"]+)\":([0-9]+),\"([^\"]+)\":([0-9]+)")
                    .matcher(body);
            assertThat(m.find()).isTrue();
            assertThat(m.group(2)).as("the two figures differ").isNotEqualTo(m.group(4));
            String changed = body.substring(0, m.start(2))
                    + m.group(4)
                    + body.substring(m.end(2), m.start(4))
                    + m.group(2)
                    + body.substring(m.end(4));
            st.execute("DROP TRIGGER log_entry_append_only_u");
            try (var p = c.prepareStatement("UPDATE log_entry SET body = ? WHERE idx = ?")) {
                p.setBytes(1, changed.getBytes(StandardCharsets.UTF_8));
                p.setLong(2, idx);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
        }
        var before = dump(db);
        for (int run = 0; run < 2; run++) {
            var r = CliTest.run("rebuild", "--data", data.toString(), "--check");
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.REJECTED);
            assertThat(r.out()).contains("INTEG-LEAF at log entry " + idx).contains("nothing was written");
            assertThat(r.out()).doesNotContain("REBUILD-EQ ok");
            assertThat(dump(db)).as("run %d wrote nothing", run + 1).isEqualTo(before);
        }
    }

    static java.util.List<String> dump(Path db) {
        try (Store s = Store.openSqlite(db)) {
            return ProjectionDump.of(s);
        }
    }
}
