package org.veritally.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.validation.Problem;
import org.veritally.formats.generate.SyntheticElection;

/** Parsing rules of the generic CSV: IN-COUNT, IN-SYNTAX, TS-CHOICE, TS-CONTEST, each with file:line. */
class GenericCsvTest {
    @TempDir
    Path dir;

    final Fixture e = new Fixture();

    static final class Fixture {
        final org.veritally.formats.Definition d = new SyntheticElection(10, 1, 3, 1, 1).definition();
    }

    List<SheetRow> read(String csv, List<Problem> fileProblems) throws Exception {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, csv);
        List<SheetRow> rows = new ArrayList<>();
        GenericCsv.sheets(f, e.d.election(), Optional.of("authority"), fileProblems, rows::add);
        return rows;
    }

    @Test
    void goodRowParses() throws Exception {
        var rows = read(
                "station,contest,registered,ballots,valid,null,blank,C1-L1,C1-L2,C1-L3"
                        + "\nP1,C1,500,300,290,10,0,100,90,100\n",
                new ArrayList<>());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).problems()).isEmpty();
        assertThat(rows.get(0).sheet().get().votes()).containsExactly(100, 90, 100);
        assertThat(rows.get(0).location()).isEqualTo("s.csv:2");
    }

    @Test
    void mixedFileReportsEveryProblemWithItsLine() throws Exception {
        String csv = "station,contest,registered,ballots,valid,null,blank,C1-L1,C1-L2,C1-L3\n"
                + "P1,C1,500,300,290,10,0,100,90,100\n"
                + "P2,C1,500,300,290,-1,0,100,90,100\n" // IN-COUNT negative
                + "P3,C1,500,300,2.5,10,0,100,90,100\n" // IN-COUNT not integer
                + "P4,C9,500,300,290,10,0,100,90,100\n" // TS-CONTEST
                + "P5,C1,500,300\n"; // IN-SYNTAX field count
        var rows = read(csv, new ArrayList<>());
        var all = rows.stream()
                .flatMap(r -> r.problems().stream())
                .map(p -> p.rule().id() + "@" + p.location().split(" ")[0])
                .toList();
        assertThat(all)
                .containsExactly("IN-COUNT@s.csv:3", "IN-COUNT@s.csv:4", "TS-CONTEST@s.csv:5", "IN-SYNTAX@s.csv:6");
    }

    @Test
    void unknownChoiceColumnIsRejectedAtTheHeader() throws Exception {
        List<Problem> fp = new ArrayList<>();
        var rows = read("station,contest,valid,null,C1-L1,C1-L2,C1-L3,ZZ\nP1,C1,1,0,1,0,0,0\n", fp);
        assertThat(rows).isEmpty();
        assertThat(fp).extracting(p -> p.rule().id()).containsExactly("TS-CHOICE");
        assertThat(fp.get(0).location()).isEqualTo("s.csv:1 column 8");
    }

    @Test
    void missingRequiredColumnIsNamed() throws Exception {
        List<Problem> fp = new ArrayList<>();
        read("station,contest,valid,C1-L1,C1-L2,C1-L3\n", fp);
        assertThat(fp).extracting(Problem::message).containsExactly("missing column 'null'");
    }
}
