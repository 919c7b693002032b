package org.veritally.formats.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.tabulate.View;
import org.veritally.formats.generate.SyntheticElection;

/**
 * The consensus CSV: every station × contest of the catalogue, missing ones too; counted rows add up to the consensus
 * totals.
 */
class ExportConsensusCsvTest {
    @Test
    void goldenSmallElection() {
        var out = new StringWriter();
        long rows = new ConsensusCsvWriter(out, SmallElection.data().snapshot()).write(SmallElection.data());
        assertThat(rows).isEqualTo(6);
        assertThat(out.toString()).isEqualTo("""
        state_code,state_name,town_code,town_name,station,station_name,registered_voters,contest,status,\
        counted,counted_source,log_index,\
        registered,ballots,valid,null,blank,A-1,A-2,B,Y_es,N
        S1,"North, upper",,,S1-9,Hall 9,100,P,missing,0,,,,,,,,,,,,
        S1,"North, upper",,,S1-9,Hall 9,100,Q:1,missing,0,,,,,,,,,,,,
        S1,"North, upper",T1,"Town ""One""\",T1-1,School 1,400,P,agreed,1,auth,100,400,250,240,6,4,100,40,100,,
        S1,"North, upper",T1,"Town ""One""\",T1-1,School 1,400,Q:1,single,0,,,,,,,,,,,,
        S1,"North, upper",T1,"Town ""One""\",T1-2,School 2,300,P,disputed,0,,,,,,,,,,,,
        S1,"North, upper",T1,"Town ""One""\",T1-2,School 2,300,Q:1,missing,0,,,,,,,,,,,,
        """);
    }

    @Test
    void countedRowsAddUpToTheConsensusTotalsOnASyntheticElection() {
        long seed = 7;
        var gen = new SyntheticElection(200, 1, 4, 2, seed);
        var d = gen.definition();
        var sheets = new java.util.ArrayList<TallySheet>();
        gen.sheets(d, sheets::add);
        // one witness copy differs: that station becomes disputed and leaves the consensus
        TallySheet t = sheets.get(3);
        long[] v = t.votes();
        v[0]++;
        v[1]--;
        sheets.set(3, new TallySheet(t.stationId(), t.contestId(), t.sourceId(), t.counts(), v));
        var data = new MemoryExportData(d, sheets);
        var out = new StringWriter();
        new ConsensusCsvWriter(out, data.snapshot()).write(data);
        String[] lines = out.toString().split("\n");
        java.util.List<String> header = java.util.List.of(lines[0].split(","));
        int counted = header.indexOf("counted");
        int valid = header.indexOf("valid");
        long sum = 0;
        long disputed = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",", -1);
            if (c[counted].equals("1")) sum += Long.parseLong(c[valid]);
            if (c[header.indexOf("status")].equals("disputed")) disputed++;
        }
        AtomicLong root = new AtomicLong();
        data.unitTotals(new View.Consensus(), u -> {
            if (u.unitId().equals("N")) root.set(u.valid());
        });
        assertThat(disputed).as("seed %d", seed).isEqualTo(1);
        assertThat(sum).as("seed %d", seed).isEqualTo(root.get()).isPositive();
        assertThat(SummaryCounts.ABSENT).isNegative();
    }
}
