package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CNE's two bulletins of 2024 judged against the opposition's actas (the real case), and bad announcements. */
class AnnouncementsTest {
    @TempDir
    Path dir;

    static final Path BULLETINS = Path.of("../docs/examples/cne-2024-bulletins.json");

    @Test
    void cneBulletinsAreContradictedByTheActasInHand() {
        Path csv = Path.of(
                System.getProperty("veritally.shared", "../../shared"),
                "data",
                "ve-2024",
                "RESULTADOS_2024_CSV_V1.csv");
        assumeTrue(Files.exists(csv), "SKIPPED: real Venezuelan data not found at " + csv.toAbsolutePath());
        String data = dir.resolve("ve").toString();
        assertThat(CliTest.run("import", "--data", data, "--format", "ve2024-cvzla", "--quiet", csv.toString())
                        .code())
                .isZero();
        var imp = CliTest.run("import", "--data", data, "--format", "announcement", BULLETINS.toString());
        assertThat(imp.code()).isZero();
        assertThat(imp.out()).contains("announcement cne-1 recorded", "announcement cne-2 recorded");
        var text = CliTest.run("announcements", "--data", data);
        // second bulletin: González 5,326,104 announced; the actas in hand give him 7,156,462, and at least 6,697,269
        // even without
        // the 939 tables the 96.87% claim may leave out
        assertThat(text.out())
                .contains(
                        "Edmundo González       announced    5,326,104  contradicted",
                        "give Edmundo González 7,156,462",
                        "leaving out the 939 stations",
                        "at least 6,697,269 remain: more than the 5,326,104 announced");
        // first bulletin: contradicted too, and its lead of 704,114 was not irreversible with 4,264,361 registered
        // voters uncounted
        assertThat(text.out())
                .contains(
                        "Edmundo González       announced    4,445,978  contradicted",
                        "lead: NM over EG by 704,114 with 4,264,361 registered voters not yet counted",
                        "NOT irreversible");
        var json = CliTest.run("announcements", "--data", data, "--json");
        assertThat(json.out()).contains("\"status\" : \"CONTRADICTED\"", "\"view\" : \"source:cvzla\"");
        // recording the same file again is idempotent; rebuild keeps the announcements
        assertThat(CliTest.run("import", "--data", data, "--format", "announcement", BULLETINS.toString())
                        .out())
                .contains("(already there)");
        assertThat(CliTest.run("rebuild", "--data", data, "--check").code()).isZero();
    }

    @Test
    void announcementRulesAndConsistentVerdicts() throws Exception {
        Path g = dir.resolve("gen");
        CliTest.run("generate", "--stations", "300", "--choices", "3", "--seed", "4", "--out", g.toString());
        String data = dir.resolve("d").toString();
        CliTest.run(
                "import",
                "--data",
                data,
                "--format",
                "election",
                g.resolve("election.json").toString());
        CliTest.run(
                "import",
                "--data",
                data,
                "--format",
                "csv",
                "--quiet",
                g.resolve("sheets.csv").toString());
        var totals = CliTest.run("results", "--data", data, "--json").out();
        long a = Long.parseLong(
                totals.replaceAll("(?s).*\"id\" : \"C1-K1\",\\s*\"name\" : \"[^\"]*\",\\s*\"votes\" : (\\d+).*", "$1"));
        Files.writeString(
                dir.resolve("ok.json"),
                "{\"id\":\"final\",\"title\":\"Final\",\"time\":\"2026-01-01\",\"contest\":\"C1\","
                        + "\"candidates\":{\"C1-K1\":"
                        + a + "}}");
        assertThat(CliTest.run(
                                "import",
                                "--data",
                                data,
                                "--format",
                                "announcement",
                                dir.resolve("ok.json").toString())
                        .code())
                .isZero();
        assertThat(CliTest.run("announcements", "--data", data, "--json").out())
                .contains("\"status\" : \"CONSISTENT\"")
                .doesNotContain("CONTRADICTED");
        Files.writeString(
                dir.resolve("bad.json"),
                "[{\"id\":\"x\",\"title\":\"X\",\"time\":\"2026-01-01\",\"contest\":\"C9\",\"candidates\":{}},"
                        + "{\"id\":\"y\",\"title\":\"Y\",\"time\":\"2026-01-01\",\"contest\":\"C1\","
                        + "\"candidates\":{\"nobody\":3}},"
                        + "{\"id\":\"final\",\"title\":\"Final\",\"time\":\"2026-01-01\",\"contest\":"
                        + "\"C1\",\"candidates\":{\"C1-K1\":1}},"
                        + "{\"id\":\"z\",\"title\":\"Z\",\"time\":\"2026-01-01\",\"contest\":\"C1\","
                        + "\"coveragePercent\":\"12.345\",\"candidates\":{}}]");
        var bad = CliTest.run(
                "import",
                "--data",
                data,
                "--format",
                "announcement",
                dir.resolve("bad.json").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err())
                .contains("AN-CONTEST", "AN-CANDIDATE", "AN-DUP", "IN-COUNT at bad.json $[3].coveragePercent");
    }
}
