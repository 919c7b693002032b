package org.veritally.formats.nist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.tabulate.View;
import org.veritally.core.validation.Problem;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.export.MemoryExportData;
import org.veritally.formats.export.SmallElection;
import org.veritally.formats.generate.SyntheticElection;

/**
 * Import of NIST JSON: an export reads back into the same sheets (printed registered voters aside),
 * and each corruption is reported with its rule and location (EL-REDEFINE, IN-FIELD, IN-COUNT,
 * IN-SYNTAX, TS-CONTEST, TS-STATION, TS-CHOICE, TS-DUP-ROW).
 */
class NistJsonSheetsTest {
    @TempDir
    Path dir;

    record Read(List<SheetRow> rows, List<Problem> fileProblems) {
        List<TallySheet> sheets() {
            return rows.stream()
                    .filter(r -> r.sheet().isPresent())
                    .map(r -> r.sheet().get())
                    .toList();
        }

        List<String> rowProblems() {
            return rows.stream()
                    .flatMap(r -> r.problems().stream())
                    .map(Problem::toString)
                    .toList();
        }
    }

    Read read(String json) throws Exception {
        Path f = dir.resolve("report.json");
        Files.writeString(f, json);
        List<SheetRow> rows = new ArrayList<>();
        List<Problem> ps = new ArrayList<>();
        NistJsonSheets.sheets(f, SmallElection.DEFINITION.election(), "copy", ps, rows::add);
        return new Read(rows, ps);
    }

    static String small(String source) {
        return new String(NistReports.json(SmallElection.data(), new View.OfSource(source)), StandardCharsets.UTF_8);
    }

    /** The sheet as it should come back: same numbers, new source, printed registered voters absent. */
    static TallySheet expected(TallySheet t, String source) {
        var k = t.counts();
        return new TallySheet(
                t.stationId(),
                t.contestId(),
                source,
                new SummaryCounts(SummaryCounts.ABSENT, k.ballotsCast(), k.valid(), k.nulls(), k.blank()),
                t.votes());
    }

    @Test
    void roundTripOfTheSmallElection() throws Exception {
        for (String src : List.of("auth", "wit")) {
            Read r = read(small(src));
            assertThat(r.fileProblems()).isEmpty();
            assertThat(r.rowProblems()).isEmpty();
            var want = SmallElection.SHEETS.stream()
                    .filter(t -> t.sourceId().equals(src))
                    .map(t -> expected(t, "copy"))
                    .toList();
            assertThat(r.sheets()).containsExactlyInAnyOrderElementsOf(want);
        }
    }

    @Test
    void roundTripOfASyntheticElection() throws Exception {
        long seed = 5;
        var gen = new SyntheticElection(400, 2, 7, 2, seed);
        var d = gen.definition();
        List<TallySheet> sheets = new ArrayList<>();
        gen.sheets(d, sheets::add);
        Path f = dir.resolve("synthetic.json");
        Files.write(f, NistReports.json(new MemoryExportData(d, sheets), new View.OfSource("authority")));
        List<SheetRow> rows = new ArrayList<>();
        List<Problem> ps = new ArrayList<>();
        NistJsonSheets.sheets(f, d.election(), "authority", ps, rows::add);
        assertThat(ps).as("seed %d", seed).isEmpty();
        var got = rows.stream().map(r -> r.sheet().orElseThrow()).toList();
        var want = sheets.stream()
                .filter(t -> t.sourceId().equals("authority"))
                .map(t -> expected(t, "authority"))
                .toList();
        assertThat(got)
                .as("seed %d", seed)
                .containsExactlyInAnyOrderElementsOf(want)
                .hasSize(800);
    }

    @Test
    void elRedefineWhenTheReportIsOfAnotherElection() throws Exception {
        Read r = read(small("auth").replace("\"Value\":\"t-1\"", "\"Value\":\"other-election\""));
        assertThat(r.fileProblems())
                .singleElement()
                .asString()
                .startsWith("EL-REDEFINE at report.json Election")
                .contains("other-election");
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void inFieldWhenAStationHasNoNullVotes() throws Exception {
        String json = small("auth")
                .replaceFirst(
                        ",\\{\"@type\":\"ElectionResults.OtherCounts\",\"GpUnitId\":\"station-T1-2\","
                                + "\"Overvotes\":10,\"Undervotes\":0}",
                        "");
        Read r = read(json);
        assertThat(r.fileProblems()).isEmpty();
        assertThat(r.rowProblems())
                .singleElement()
                .asString()
                .isEqualTo("IN-FIELD at report.json Contest contest-P GpUnit T1-2: no OtherCounts "
                        + "Overvotes (the null votes)");
        assertThat(r.sheets()).hasSize(2);
    }

    @Test
    void inCountForAFractionalCountWithLineAndColumn() throws Exception {
        Read r = read(small("auth").replaceFirst("\"Count\":100", "\"Count\":100.5"));
        assertThat(r.fileProblems())
                .singleElement()
                .asString()
                .startsWith("IN-COUNT at report.json:1:")
                .contains("Count", "100.5");
        assertThat(r.rowProblems()).singleElement().asString().contains("TS-CHOICE", "no VoteCounts for line 'A-1'");
    }

    @Test
    void inSyntaxForATruncatedFile() throws Exception {
        String json = small("auth");
        Read r = read(json.substring(0, json.length() / 2));
        assertThat(r.fileProblems()).singleElement().asString().startsWith("IN-SYNTAX at report.json:1:");
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void inFieldForCountTypesOtherThanTotal() throws Exception {
        Read r = read(
                small("auth").replaceFirst("\"Type\":\"total\",\"Count\":100", "\"Type\":\"early\",\"Count\":100"));
        assertThat(r.fileProblems())
                .singleElement()
                .asString()
                .startsWith("IN-FIELD at report.json Contest contest-P ContestSelection selection-P_-A-1")
                .contains("Type 'early' not read");
    }

    @Test
    void tsContestForAContestUnknownToTheElection() throws Exception {
        Read r = read(small("auth")
                .replace(
                        "\"OtherType\":\"veritally-contest\",\"Value\":\"Q:1\"",
                        "\"OtherType\":\"veritally-contest\",\"Value\":\"Q9\""));
        assertThat(r.fileProblems())
                .singleElement()
                .asString()
                .isEqualTo("TS-CONTEST at report.json Contest contest-Q_c1: unknown contest 'Q9'");
        assertThat(r.sheets()).extracting(TallySheet::contestId).containsOnly("P");
    }

    @Test
    void tsStationForCountsOfAGpUnitWithoutVeritallyId() throws Exception {
        Read r = read(small("auth")
                .replace(
                        "\"OtherType\":\"veritally-station\",\"Value\":\"T1-2\"",
                        "\"OtherType\":\"somebody-else\",\"Value\":\"T1-2\""));
        assertThat(r.fileProblems())
                .singleElement()
                .asString()
                .startsWith("TS-STATION at report.json GpUnit station-T1-2");
        assertThat(r.sheets()).extracting(TallySheet::stationId).containsOnly("T1-1");
    }

    @Test
    void aSelectionWithoutPartyIsMatchedByItsSingleLineCandidate() throws Exception {
        Read r = read(small("auth").replace(",\"EndorsementPartyIds\":[\"party-P_-B\"]", ""));
        assertThat(r.fileProblems()).isEmpty();
        assertThat(r.rowProblems()).isEmpty();
        Read ambiguous = read(small("auth").replace(",\"EndorsementPartyIds\":[\"party-P_-A-1\"]", ""));
        assertThat(ambiguous.fileProblems())
                .singleElement()
                .asString()
                .startsWith("TS-CHOICE at report.json Contest contest-P ContestSelection selection-P_-A-1");
    }

    @Test
    void tsDupRowForTwoCountsOfOneStationAndLine() throws Exception {
        String json = small("auth");
        String one = "{\"@type\":\"ElectionResults.VoteCounts\",\"GpUnitId\":\"station-T1-1\",\"Type\":"
                + "\"total\",\"Count\":100}";
        assertThat(json).contains(one);
        Read r = read(json.replaceFirst(java.util.regex.Pattern.quote(one), one + "," + one));
        assertThat(r.rowProblems())
                .singleElement()
                .asString()
                .isEqualTo("TS-DUP-ROW at report.json Contest contest-P GpUnit T1-1: two VoteCounts of line A-1");
    }
}
