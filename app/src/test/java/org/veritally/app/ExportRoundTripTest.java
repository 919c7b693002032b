package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trip through NIST SP 1500-100 JSON: export a view, import it as a source into a fresh data
 * directory holding only the definition, and every published total (each unit × contest: stations,
 * registered, ballots, valid, null, blank, votes per line) is identical.
 */
class ExportRoundTripTest {
    @TempDir
    static Path dir;

    static String data;
    static Path gen;

    @BeforeAll
    static void election() throws Exception {
        gen = ExportCommandTest.generate(dir.resolve("gen"));
        data = dir.resolve("data").toString();
        ExportCommandTest.importInto(data, gen);
    }

    void roundTrip(String view, String storedAs, String importAs) throws Exception {
        Path json = ExportCommandTest.export(dir, data, "nist-json", "--view", view);
        String fresh = dir.resolve("fresh-" + importAs + "-" + ExportCommandTest.OUTPUTS.incrementAndGet())
                .toString();
        var e = CliTest.run(
                "import",
                "--data",
                fresh,
                "--format",
                "election",
                gen.resolve("election.json").toString());
        assertThat(e.code()).as(e.err()).isZero();
        var r = CliTest.run(
                "import", "--data", fresh, "--format", "nist-json", "--source", importAs, "--quiet", json.toString());
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        List<String> before = ExportCommandTest.totals(Path.of(data), storedAs);
        List<String> after = ExportCommandTest.totals(Path.of(fresh), importAs);
        assertThat(before).hasSizeGreaterThan(100);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void officialViewRoundTripsIntoTheAuthoritySource() throws Exception {
        roundTrip("official", "authority", "authority");
    }

    @Test
    void disputedWitnessViewRoundTrips() throws Exception {
        roundTrip("source:observer-1", "observer-1", "observer-1");
    }

    @Test
    void consensusViewRoundTripsIntoANewSource() throws Exception {
        roundTrip("consensus", "consensus", "consensus-copy");
    }

    @Test
    void importWithoutSourceOrDefinitionIsAUsageError() throws Exception {
        Path json = ExportCommandTest.export(dir, data, "nist-json");
        var noSource = CliTest.run("import", "--data", data, "--format", "nist-json", json.toString());
        assertThat(noSource.code()).isEqualTo(2);
        assertThat(noSource.err()).contains("--source NAME is required for nist-json");
        var noElection = CliTest.run(
                "import",
                "--data",
                dir.resolve("nothing").toString(),
                "--format",
                "nist-json",
                "--source",
                "x",
                json.toString());
        assertThat(noElection.code()).isEqualTo(2);
        assertThat(noElection.err()).contains("no election defined");
    }
}
