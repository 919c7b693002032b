package org.veritally.formats.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.GenericCsvWriter;

/**
 * CSV injection (OWASP): names a spreadsheet would take for a formula go out with a leading single
 * quote in every CSV export (station-csv, consensus-csv, the generic csv), recoverable by {@link
 * SpreadsheetText#raw}; numbers, negative or not, are never prefixed.
 */
class SpreadsheetTextTest {
    static final String HYPERLINK = "=HYPERLINK(\"http://x.example\",\"click\")";
    static final String AT_SUM = "@SUM(1+1)*cmd|' /C calc'!A0";

    /** The small election with a hostile unit and station name. */
    static MemoryExportData hostile() {
        var d = SmallElection.DEFINITION;
        var units = List.of(
                d.units().get(0), new Unit("S1", AT_SUM, 1, "N"), d.units().get(2));
        var stations = List.of(
                new Station("T1-1", HYPERLINK, "T1", 400),
                new Station("T1-2", "+1-2", "T1", 300),
                new Station("S1-9", "-5", "S1", 100));
        return new MemoryExportData(new Definition(d.election(), units, stations, d.sources()), SmallElection.SHEETS);
    }

    @Test
    void guardPrefixesEveryFormulaStartAndRawRecoversIt() {
        for (String s : List.of("=1+1", "+1", "-1", "@a", "\tx", "\rx")) {
            assertThat(SpreadsheetText.guard(s)).isEqualTo("'" + s);
            assertThat(SpreadsheetText.raw(SpreadsheetText.guard(s))).isEqualTo(s);
        }
        for (String s : List.of("School 1", "", "'quoted", "1=1", "'=already"))
            assertThat(SpreadsheetText.raw(SpreadsheetText.guard(s))).isEqualTo(s);
        assertThat(SpreadsheetText.guard("School 1")).isEqualTo("School 1");
        assertThat(SpreadsheetText.guard("'quoted")).isEqualTo("''quoted");
    }

    @Test
    void stationCsvPrefixesFormulaNamesButNotNumbers() {
        var data = hostile();
        var out = new StringWriter();
        new StationCsvWriter(out, data.snapshot()).write(data);
        String csv = out.toString();
        assertThat(csv)
                .contains("S1,'" + AT_SUM + ",T1,")
                .contains(",T1-1,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\",400,")
                .contains(",T1-2,'+1-2,300,")
                .doesNotContain("," + HYPERLINK)
                .doesNotContain("," + AT_SUM);
        for (String line : csv.split("\n")) assertThat(line).doesNotContain(",=", ",@", ",+", ",-");
    }

    @Test
    void consensusCsvPrefixesFormulaNames() {
        var data = hostile();
        var out = new StringWriter();
        new ConsensusCsvWriter(out, data.snapshot()).write(data);
        assertThat(out.toString()).contains("S1,'" + AT_SUM + ",", ",S1-9,'-5,100,", ",T1-2,'+1-2,300,");
    }

    @Test
    void genericCsvPrefixesFormulaNames() {
        var data = hostile();
        var d = SmallElection.DEFINITION;
        var cat = new org.veritally.core.model.Catalogue();
        cat.addUnit(d.units().get(0));
        cat.addUnit(new Unit("S1", AT_SUM, 1, "N"));
        cat.addUnit(d.units().get(2));
        for (Station s : d.stations()) cat.addStation(s);
        var out = new StringWriter();
        var w = new GenericCsvWriter(out, d.election(), cat);
        w.header();
        w.write(SmallElection.SHEETS.get(0));
        assertThat(out.toString()).contains("S1,'" + AT_SUM + ",T1,");
    }
}
