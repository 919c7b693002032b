package org.veritally.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.validation.Problem;
import org.veritally.formats.csv.CvzlaCsv;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.Instance;

/** The real Venezuelan file (../shared) reproduces the published facts (shared/README.md). */
class VenezuelaImportTest {
    @TempDir
    Path dir;

    static Path file() {
        String shared = System.getProperty("veritally.shared", "../../shared");
        return Path.of(shared, "data", "ve-2024", "RESULTADOS_2024_CSV_V1.csv");
    }

    @Test
    void importReproducesThePublishedFacts() {
        Path f = file();
        assumeTrue(
                Files.exists(f),
                "SKIPPED: real Venezuelan data not found at " + f.toAbsolutePath() + " (../shared absent)");
        try (Instance in = Instance.open(dir)) {
            List<Problem> problems = new ArrayList<>();
            var d = CvzlaCsv.definition(f, problems);
            assertThat(problems).isEmpty();
            assertThat(in.define().define(d, "test", "ve").problems()).isEmpty();
            List<SheetRow> rows = new ArrayList<>();
            CvzlaCsv.sheets(f, CvzlaCsv.DEFAULT_SOURCE, problems, rows::add);
            var o = in.sequencer().submit(rows, "test", new DuplicateRows(), true);
            assertThat(o.rejected())
                    .as("no table fails TS-SUM or any other rule")
                    .isEmpty();
            var r = in.results().result(Optional.empty(), Optional.empty(), "source:cvzla");
            assertThat(r.stationsReporting()).isEqualTo(24_532);
            assertThat(r.stationsTotal()).isEqualTo(24_532);
            assertThat(r.validVotes()).isEqualTo(10_659_128);
            assertThat(r.registeredVoters()).isEqualTo(17_745_239);
            assertThat(r.candidates().get(0).id()).isEqualTo("EG");
            assertThat(r.candidates().get(0).votes()).isEqualTo(7_156_462);
            assertThat(r.candidates().get(1).id()).isEqualTo("NM");
            assertThat(r.candidates().get(1).votes()).isEqualTo(3_241_461);
            var centres = new HashSet<String>();
            for (var u : in.state().catalogue().units()) if (u.level() == 4) centres.add(u.id());
            assertThat(centres).hasSize(12_817).allMatch(c -> c.length() == 9);
            assertThat(in.state().catalogue().station("110601011.04"))
                    .as("QR-style id of a table whose CENTRO lost no digit")
                    .isPresent();
            assertThat(in.state().catalogue().station("010113042.01"))
                    .as("CENTRO 10113042 normalised to 9 digits")
                    .isPresent();
        }
    }
}
