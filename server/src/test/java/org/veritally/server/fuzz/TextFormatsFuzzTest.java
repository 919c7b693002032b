package org.veritally.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.validation.Problem;
import org.veritally.formats.csv.CvzlaCsv;
import org.veritally.formats.csv.GenericCsv;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.qr.VeActaQr;

/**
 * Fuzzes the file readers: the generic CSV, the {@code ve2024-cvzla} CSV (catalogue pass and sheet
 * pass) and acta QR payloads (one at a time and as a file). Each input must end in rows that hold a
 * sheet or their problems (never both, never neither) plus file-level problems, never an exception.
 */
class TextFormatsFuzzTest {
    static final int CI = 2000;

    @TempDir
    Path dir;

    static void wellFormed(SheetRow row, FuzzCampaign.Outcomes seen) {
        assertThat(row.sheet().isPresent())
                .as("row " + row.location() + " has a sheet xor problems")
                .isEqualTo(row.problems().isEmpty());
        if (row.sheet().isPresent()) seen.add("row:ok");
        row.problems().stream().map(p -> p.rule().id()).distinct().forEach(seen::add);
    }

    static void fileProblems(List<Problem> ps, FuzzCampaign.Outcomes seen) {
        ps.stream().map(p -> "file:" + p.rule().id()).distinct().forEach(seen::add);
    }

    @Test
    void genericCsv() {
        Path f = dir.resolve("in.csv");
        var tokens = List.of(
                ",",
                "\"",
                "\"\"",
                "\n",
                "\r\n",
                "\r",
                ",,,,",
                "station",
                "contest",
                "source",
                "valid",
                "null",
                "blank",
                "registered",
                "ballots",
                "C1-L1",
                "C2-L2",
                "x_code",
                "y_name",
                "\uFEFF",
                "P1",
                "C1",
                "authority",
                "party-a",
                "-1",
                " 1 ",
                "1.0");
        FuzzCampaign.run(
                "GenericCsv", CI, List.of(Samples.utf8(Samples.genericCsv())), new Mutator(tokens), (input, seen) -> {
                    Files.write(f, input);
                    List<Problem> fileProblems = new ArrayList<>();
                    GenericCsv.sheets(
                            f,
                            Samples.DEFINITION.election(),
                            input.length % 2 == 0 ? Optional.of("party-a") : Optional.empty(),
                            fileProblems,
                            row -> wellFormed(row, seen));
                    fileProblems(fileProblems, seen);
                });
    }

    @Test
    void cvzlaCsv() throws Exception {
        Path f = dir.resolve("cvzla.csv");
        var tokens = List.of(
                ",",
                "\"",
                "\n",
                "\r\n",
                ",,",
                "\uFEFF",
                "COD_EDO",
                "MESA",
                "URL",
                "0",
                "00",
                "1",
                "123456789",
                "1234567890",
                "9".repeat(16),
                " ",
                "-",
                ".",
                "..",
                "a b");
        FuzzCampaign.run(
                "CvzlaCsv", CI, List.of(Samples.utf8(Samples.cvzlaCsv())), new Mutator(tokens), (input, seen) -> {
                    Files.write(f, input);
                    List<Problem> problems = new ArrayList<>();
                    var d = CvzlaCsv.definition(f, problems);
                    assertThat(d).isNotNull();
                    CvzlaCsv.sheets(f, CvzlaCsv.DEFAULT_SOURCE, problems, row -> wellFormed(row, seen));
                    fileProblems(problems, seen);
                });
    }

    @Test
    void veActaQr() throws Exception {
        Path f = dir.resolve("qr.txt");
        List<String> payloads = Samples.qrPayloads();
        List<byte[]> seeds = List.of(Samples.utf8(String.join("\n", payloads) + "\n"), Samples.utf8(payloads.get(0)));
        var tokens = List.of(
                "!",
                "!!",
                ",",
                ".",
                "\n",
                "\r\n",
                "\uFEFF",
                "0",
                "999999999",
                "1234567890",
                "150702005.02.1.0001",
                "150702005.02.1.0001!",
                "1.2.3.4",
                " ",
                "\t");
        FuzzCampaign.run("VeActaQr", CI, seeds, new Mutator(tokens), (input, seen) -> {
            wellFormed(VeActaQr.parse(new String(input, StandardCharsets.UTF_8), "src", "payload"), seen);
            Files.write(f, input);
            int duplicates = VeActaQr.sheets(f, "src", row -> wellFormed(row, seen));
            assertThat(duplicates).isNotNegative();
        });
    }
}
