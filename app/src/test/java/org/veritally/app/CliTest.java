package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user meets them: exit codes 0/1/2, reports with rule IDs, no stack traces. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    Path generate(int stations) {
        Path g = dir.resolve("gen");
        assertThat(run(
                                "generate",
                                "--stations",
                                "" + stations,
                                "--contests",
                                "2",
                                "--sources",
                                "2",
                                "--seed",
                                "5",
                                "--out",
                                g.toString())
                        .code())
                .isZero();
        return g;
    }

    @Test
    void generateImportResultsRoundTrip() {
        Path g = generate(200);
        String data = dir.resolve("data").toString();
        assertThat(run(
                                "import",
                                "--data",
                                data,
                                "--format",
                                "election",
                                g.resolve("election.json").toString())
                        .code())
                .isZero();
        Run imp = run(
                "import",
                "--data",
                data,
                "--format",
                "csv",
                "--quiet",
                g.resolve("sheets.csv").toString());
        assertThat(imp.code()).isZero();
        assertThat(imp.out()).contains("accepted 800 (800 new");
        Run res = run("results", "--data", data, "--contest", "C2", "--json");
        assertThat(res.code()).isZero();
        assertThat(res.out())
                .contains(
                        "\"stationsReporting\" : 200",
                        "\"stationsTotal\" : 200",
                        "\"view\" : \"official\"",
                        "\"candidates\"");
        // re-importing the same file is idempotent
        Run again = run(
                "import",
                "--data",
                data,
                "--format",
                "csv",
                "--quiet",
                g.resolve("sheets.csv").toString());
        assertThat(again.out()).contains("accepted 800 (0 new, 800 unchanged)");
    }

    @Test
    void rejectedRowsGiveExitOneWithRuleAndLocation() throws Exception {
        Path g = generate(20);
        String data = dir.resolve("data").toString();
        run(
                "import",
                "--data",
                data,
                "--format",
                "election",
                g.resolve("election.json").toString());
        var lines = Files.readAllLines(g.resolve("sheets.csv"));
        String bad = lines.get(1).replaceFirst(",authority,(\\d+),", ",authority,$1,"); // unchanged prefix
        String[] cells = bad.split(",", -1);
        cells[13] = String.valueOf(Long.parseLong(cells[13]) + 1); // valid + 1 → TS-SUM and TS-BALLOTS
        Files.writeString(
                dir.resolve("bad.csv"), lines.get(0) + "\n" + String.join(",", cells) + "\n" + lines.get(2) + "\n");
        Run r = run(
                "import",
                "--data",
                data,
                "--format",
                "csv",
                dir.resolve("bad.csv").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains("TS-SUM at bad.csv:2", "TS-BALLOTS at bad.csv:2")
                .doesNotContain("Exception", "\tat ");
        assertThat(r.out()).contains("accepted 1 (1 new", "2 problems rejecting records", "0 sheets flagged (0 flags)");
        Run all = run(
                "import",
                "--data",
                dir.resolve("data2").toString(),
                "--format",
                "election",
                g.resolve("election.json").toString());
        assertThat(all.code()).isZero();
        Run aon = run(
                "import",
                "--data",
                dir.resolve("data2").toString(),
                "--format",
                "csv",
                "--all-or-nothing",
                dir.resolve("bad.csv").toString());
        assertThat(aon.code()).isEqualTo(1);
        assertThat(aon.out()).contains("nothing written");
    }

    @Test
    void flagsGoToStderrAndQuietShowsTheFirstTwenty() throws Exception {
        Path g = dir.resolve("gen1");
        assertThat(run("generate", "--stations", "30", "--seed", "3", "--out", g.toString())
                        .code())
                .isZero();
        var lines = Files.readAllLines(g.resolve("sheets.csv"));
        int ballots = java.util.List.of(lines.get(0).split(",")).indexOf("ballots");
        StringBuilder zero = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            for (int k = ballots; k < c.length; k++) if (!c[k].isEmpty()) c[k] = "0"; // TS-FLAG-ZERO: accepted, flagged
            zero.append(String.join(",", c)).append('\n');
        }
        Files.writeString(dir.resolve("zero.csv"), zero);
        for (boolean quiet : new boolean[] {false, true}) {
            String data = dir.resolve("data-" + quiet).toString();
            assertThat(run(
                                    "import",
                                    "--data",
                                    data,
                                    "--format",
                                    "election",
                                    g.resolve("election.json").toString())
                            .code())
                    .isZero();
            Run r = quiet
                    ? run(
                            "import",
                            "--data",
                            data,
                            "--format",
                            "csv",
                            "--quiet",
                            dir.resolve("zero.csv").toString())
                    : run(
                            "import",
                            "--data",
                            data,
                            "--format",
                            "csv",
                            dir.resolve("zero.csv").toString());
            assertThat(r.code()).isZero();
            assertThat(r.out())
                    .contains("accepted 30 (30 new", "0 problems rejecting records, 30 sheets flagged (30 flags)")
                    .doesNotContain("flag:");
            assertThat(r.err().lines().filter(l -> l.startsWith("flag: TS-FLAG-ZERO at zero.csv:")))
                    .hasSize(quiet ? 20 : 30);
            if (quiet) assertThat(r.err()).contains("… 10 more flags not shown (--quiet)");
        }
    }

    @Test
    void usageAndIoErrorsGiveExitTwoWithoutStackTrace() {
        Run missing = run(
                "import",
                "--data",
                dir.toString(),
                "--format",
                "csv",
                dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read").doesNotContain("\tat ");
        Run badFormat = run("import", "--data", dir.toString(), "--format", "xml", "x");
        assertThat(badFormat.code()).isEqualTo(2);
        Run noElection = run("results", "--data", dir.resolve("empty").toString(), "--json");
        assertThat(noElection.code()).isEqualTo(2);
        assertThat(noElection.err()).contains("RD-ELECTION");
        Run unknownUnit = run("results", "--data", dir.resolve("empty").toString(), "--unit", "X");
        assertThat(unknownUnit.code()).isEqualTo(2);
        Run badOption = run("results", "--bogus");
        assertThat(badOption.code()).isEqualTo(2);
    }

    @Test
    void malformedDefinitionReportsEveryProblemWithJsonPath() throws Exception {
        Path f = dir.resolve("def.json");
        Files.writeString(
                f,
                "{\"id\":\"e\",\"name\":\"E\",\"root\":\"R\",\"levels\":[\"c\"],\"contests\":[{\"id\":"
                        + "\"P\",\"name\":\"P\","
                        + "\"candidates\":[{\"id\":\"A\",\"name\":\"A\"}],\"choices\":[{\"id\":\"a\","
                        + "\"name\":\"a\",\"candidate\":\"Z\"}]}],"
                        + "\"units\":[{\"id\":\"R\",\"name\":\"R\"}],\"stations\":[{\"id\":\"S\","
                        + "\"unit\":\"Q\",\"registered\":-5}],\"bogus\":1}");
        Run r = run("import", "--data", dir.resolve("d").toString(), "--format", "election", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains(
                        "EL-DEF at def.json $.contests[0]",
                        "IN-COUNT at def.json $.stations[0].registered",
                        "CAT-STATION at def.json $.stations[0].unit",
                        "IN-FIELD at def.json $.bogus");
    }
}
