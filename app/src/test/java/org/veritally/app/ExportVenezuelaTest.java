package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.validation.Problem;
import org.veritally.formats.csv.CvzlaCsv;
import org.veritally.formats.election.DefinitionJson;

/**
 * Exports of the real Venezuelan actas (../shared, system property {@code veritally.shared};
 * skipped visibly without the file), imported with {@code --format ve2024-cvzla}: the NIST XML of
 * the cvzla view validates against the official XSD with every reference resolved, its NIST JSON
 * round-trips into a fresh directory holding only the definition with identical totals, and the
 * CSVs hold one row per table.
 */
class ExportVenezuelaTest {
    @TempDir
    static Path dir;

    static String data;

    static Path file() {
        return Path.of(
                System.getProperty("veritally.shared", "../../shared"),
                "data",
                "ve-2024",
                "RESULTADOS_2024_CSV_V1.csv");
    }

    @BeforeAll
    static void importFile() {
        if (!Files.isRegularFile(file())) {
            System.out.println("SKIPPED: Venezuelan file not found at " + file().toAbsolutePath());
            return;
        }
        data = dir.resolve("ve").toString();
        var r = CliTest.run("import", "--data", data, "--format", "ve2024-cvzla", "--quiet", file().toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    static void assumeData() {
        assumeTrue(data != null, "SKIPPED: Venezuelan file absent at " + file().toAbsolutePath());
    }

    @Test
    void nistXmlValidatesAgainstTheOfficialXsd() throws Exception {
        assumeData();
        byte[] xml = Files.readAllBytes(ExportCommandTest.export(
                dir,
                data,
                "nist-xml",
                "--view",
                "source:cvzla",
                "--election-date",
                "2024-07-28",
                "--election-type",
                "general",
                "--language",
                "es"));
        assertThat(ExportCommandTest.xsdErrors(xml)).isEmpty();
        assertThat(ExportCommandTest.referenceErrors(xml)).isEmpty();
    }

    @Test
    void nistJsonRoundTripsWithIdenticalTotals() throws Exception {
        assumeData();
        Path json = ExportCommandTest.export(
                dir, data, "nist-json", "--view", "source:cvzla", "--election-date", "2024-07-28");
        List<Problem> ps = new ArrayList<>();
        Path def = dir.resolve("ve-election.json");
        Files.write(def, DefinitionJson.write(CvzlaCsv.definition(file(), ps)));
        assertThat(ps).isEmpty();
        String fresh = dir.resolve("ve-fresh").toString();
        var e = CliTest.run("import", "--data", fresh, "--format", "election", def.toString());
        assertThat(e.code()).as(e.err()).isZero();
        var r = CliTest.run(
                "import", "--data", fresh, "--format", "nist-json", "--source", "cvzla", "--quiet", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("accepted 24,532 (24,532 new");
        var before = ExportCommandTest.totals(Path.of(data), "cvzla");
        assertThat(before).hasSizeGreaterThan(10_000);
        assertThat(ExportCommandTest.totals(Path.of(fresh), "cvzla")).isEqualTo(before);
    }

    @Test
    void csvsHoldOneRowPerTable() throws Exception {
        assumeData();
        var station = ExportCommandTest.csv(ExportCommandTest.export(dir, data, "station-csv"));
        assertThat(station).hasSize(1 + 24_532);
        assertThat(station.get(0)).startsWith("state_code", "state_name", "municipality_code");
        // one source: every table is a single-copy station (a regression once exported them as missing)
        int status = java.util.Arrays.asList(station.get(0)).indexOf("status");
        assertThat(status).isPositive();
        assertThat(station.stream().skip(1).map(r -> r[status]).distinct().toList())
                .containsExactly("single");
        var consensus = ExportCommandTest.csv(ExportCommandTest.export(dir, data, "consensus-csv"));
        assertThat(consensus.size()).isGreaterThanOrEqualTo(1 + 24_532);
        int cstatus = java.util.Arrays.asList(consensus.get(0)).indexOf("status");
        assertThat(consensus.stream()
                        .skip(1)
                        .filter(r -> r[cstatus].equals("single"))
                        .count())
                .isEqualTo(24_532);
        var oe = ExportCommandTest.csv(ExportCommandTest.export(dir, data, "openelections", "--view", "source:cvzla"));
        assertThat(oe.get(1)[0]).isNotEmpty();
        assertThat(oe.stream().filter(r -> r[2].equals("Registered Voters")).count())
                .isEqualTo(24_532);
    }
}
