package org.veritally.formats.nist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.TallySheet;
import org.veritally.core.tabulate.View;
import org.veritally.core.validation.Problem;
import org.veritally.formats.csv.CvzlaCsv;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.export.MemoryExportData;

/**
 * The real Venezuelan actas (shared/data/ve-2024, system property {@code veritally.shared}; skipped
 * visibly when absent): the NIST JSON and XML of the cvzla view validate against the official
 * schemas, their references resolve, and the JSON reads back into the same sheets.
 */
class NistVenezuelaTest {
    static final Path FILE = Path.of(
            System.getProperty("veritally.shared", "../../shared"), "data", "ve-2024", "RESULTADOS_2024_CSV_V1.csv");

    @TempDir
    Path dir;

    @Test
    void venezuelanReportsValidateAndReadBack() throws Exception {
        assumeTrue(Files.isRegularFile(FILE), "SKIPPED: Venezuelan file absent at " + FILE.toAbsolutePath());
        NistSchemas.assumePresent();
        List<Problem> ps = new ArrayList<>();
        var d = CvzlaCsv.definition(FILE, ps);
        List<TallySheet> sheets = new ArrayList<>();
        CvzlaCsv.sheets(FILE, CvzlaCsv.DEFAULT_SOURCE, ps, r -> r.sheet().ifPresent(sheets::add));
        var data = new MemoryExportData(d, sheets);
        View view = new View.OfSource(CvzlaCsv.DEFAULT_SOURCE);

        byte[] json = NistReports.json(data, view);
        assertThat(NistSchemas.jsonSchemaErrors(json)).isEmpty();
        assertThat(NistSchemas.jsonReferenceErrors(json)).isEmpty();
        byte[] xml = NistReports.xml(data, view);
        assertThat(NistSchemas.xsdErrors(xml)).isEmpty();
        assertThat(NistSchemas.xmlReferenceErrors(xml)).isEmpty();

        Path f = dir.resolve("ve.json");
        Files.write(f, json);
        List<SheetRow> rows = new ArrayList<>();
        List<Problem> back = new ArrayList<>();
        NistJsonSheets.sheets(f, d.election(), "copy", back, rows::add);
        assertThat(back).isEmpty();
        var want =
                sheets.stream().map(t -> NistJsonSheetsTest.expected(t, "copy")).toList();
        assertThat(rows.stream().map(r -> r.sheet().orElseThrow()).toList()).containsExactlyInAnyOrderElementsOf(want);
        System.out.printf(
                "NistVenezuelaTest: %,d sheets, JSON %,d bytes, XML %,d bytes%n",
                sheets.size(), json.length, xml.length);
    }
}
