package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden values: Lindeman (2010), "A Kaplan-Markov auditing example using 2008 California data" (v1.2x), the
 * worked example of the Kaplan–Markov batch-comparison audit of Stark (2009): California CD3, November 2008,
 * U = 20.47, 47 PPEB draws of 42 precincts; per-precinct taint and net K-M factor (table, pp. 5-6) and the
 * overall P-value 0.098616 (bottom of p. 6).
 */
class KaplanMarkovLindemanTest {
    /**
     * U over all 774 audit units: printed as 20.47 (p. 3); the table's factors use it unrounded (the factor of a
     * zero taint, 1 - 1/U, is printed 0.951148308), which is 20.47011975018621 (recomputed from all the units
     * by N. McBurnett, github.com/nealmcb/kaplan_markov).
     */
    static final double U = 20.47011975018621;

    static final Outcome CD3 = Outcome.of(new long[] {155424, 137971, 7273, 13378}, 1);

    record Row(ReportedBatch batch, long[] audit, int timesDrawn, double taint, double netFactor) {}

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (var in = KaplanMarkovLindemanTest.class.getResourceAsStream("lindeman-2010-ca-cd3-sample.csv");
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                long[] reported = {
                    Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])
                };
                long[] audit = {Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]), Long.parseLong(f[10])
                };
                rows.add(new Row(
                        new ReportedBatch(f[0], "CD3", Long.parseLong(f[1]), reported),
                        audit,
                        Integer.parseInt(f[6]),
                        Double.parseDouble(f[11]),
                        Double.parseDouble(f[12])));
            }
        }
        return rows;
    }

    @Test
    void ST_RLA_MACRO_lindeman2010TaintOfEveryPrecinctMatchesThePaperTable() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSize(42);
        assertThat(rows.stream().mapToInt(Row::timesDrawn).sum()).isEqualTo(47);
        for (Row row : rows) {
            double taint = Macro.discrepancy(CD3, row.batch(), row.audit()) / Macro.errorBound(CD3, row.batch());
            assertThat(taint).as(row.batch().id()).isCloseTo(row.taint(), within(5e-7));
        }
    }

    @Test
    void ST_RLA_MACRO_lindeman2010ErrorBoundAndDiscrepancyOfPrecinct0606726420() throws IOException {
        Row row = rows().stream()
                .filter(r -> r.batch().id().equals("0606726420"))
                .findFirst()
                .orElseThrow();
        // p. 4: u_p = (382 + 158 - 172) / 17453; e_p = ((158 - 172) - (158 - 182)) / 17453 = 10 / 17453.
        assertThat(Macro.errorBound(CD3, row.batch())).isCloseTo(368.0 / 17453, within(1e-15));
        assertThat(Macro.discrepancy(CD3, row.batch(), row.audit())).isCloseTo(10.0 / 17453, within(1e-15));
    }

    @Test
    void ST_RLA_MACRO_lindeman2010NetFactorsAndOverallPValue0_098616() throws IOException {
        List<Double> taints = new ArrayList<>();
        for (Row row : rows()) {
            double taint = Macro.discrepancy(CD3, row.batch(), row.audit()) / Macro.errorBound(CD3, row.batch());
            double net = Math.pow(KaplanMarkov.factor(U, taint), row.timesDrawn());
            // the paper computes the factor from the taint rounded to six decimals
            assertThat(net).as(row.batch().id()).isCloseTo(row.netFactor(), within(1e-6));
            for (int i = 0; i < row.timesDrawn(); i++) taints.add(taint);
        }
        double p = KaplanMarkov.pValue(
                U, taints.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(p).isCloseTo(0.098616, within(5e-7));
        assertThat(p).isLessThan(0.10);
    }

    @Test
    void ST_RLA_MACRO_lindeman2010KmFactorOfThePageFiveExample() {
        // p. 5: taint 0.003953 (rounded) gives the factor 0.954922706; the zero taint 0.951148308.
        assertThat(KaplanMarkov.factor(U, 0.003953)).isCloseTo(0.954922706, within(5e-7));
        assertThat(KaplanMarkov.factor(U, 0)).isCloseTo(0.951148308, within(1e-9));
    }
}
