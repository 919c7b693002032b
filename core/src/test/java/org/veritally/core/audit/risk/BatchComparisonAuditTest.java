package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchComparisonAuditTest {

    static List<ReportedBatch> stations(int n) {
        List<ReportedBatch> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long a = 200 + (i * 37) % 150;
            long b = 150 + (i * 53) % 120;
            out.add(new ReportedBatch("st-" + i, "J" + (i % 3), a + b + 20, new long[] {a, b}));
        }
        return out;
    }

    static Map<String, long[]> asReported(List<ReportedBatch> batches) {
        Map<String, long[]> out = new HashMap<>();
        for (ReportedBatch b : batches) out.put(b.id(), b.votes());
        return out;
    }

    @Test
    void ST_RLA_MACRO_handCountsEqualToTheSheetsConfirmInRoundOne() {
        List<ReportedBatch> batches = stations(300);
        BatchComparisonAudit audit = BatchComparisonAudit.of(Macro.of(batches, 1), "seed", 0.05, 3);
        Round r = audit.round(1, audit.initialDraws(), asReported(batches));
        assertThat(r.risk()).isLessThanOrEqualTo(0.05);
        assertThat(r.decision()).isEqualTo(Decision.CONFIRMED);
        assertThat(r.counted()).isEqualTo(r.stations().size());
    }

    @Test
    void ST_RLA_MACRO_aDrawnStationWithNoHandCountIsTheWorstCase() {
        List<ReportedBatch> batches = stations(300);
        BatchComparisonAudit audit = BatchComparisonAudit.of(Macro.of(batches, 1), "seed", 0.05, 3);
        long n = audit.initialDraws();
        Map<String, long[]> counts = asReported(batches);
        counts.remove(audit.stations(n).get(0));
        Round r = audit.round(1, n, counts);
        assertThat(r.risk()).isEqualTo(1);
        assertThat(r.decision()).isEqualTo(Decision.NEXT_ROUND);
        assertThat(r.nextDraws()).isGreaterThanOrEqualTo(2 * n);
        assertThat(r.counted()).isEqualTo(r.stations().size() - 1);
        assertThat(audit.round(3, n, counts).decision()).isEqualTo(Decision.FULL_HAND_COUNT);
    }

    @Test
    void ST_RLA_MACRO_aPhantomStationHasTheLargestErrorBound() {
        List<ReportedBatch> batches = new ArrayList<>(stations(50));
        batches.add(new ReportedBatch("phantom", "J0", 1000, new long[] {0, 0}));
        Macro m = Macro.of(batches, 1);
        int phantom = m.indexOf("phantom").orElseThrow();
        for (int i = 0; i < phantom; i++) assertThat(m.errorBound(i)).isLessThan(m.errorBound(phantom));
        assertThat(m.errorBound(phantom)).isEqualTo(1000.0 / m.outcome().smallestMargin());
    }

    @Test
    void ST_RLA_MACRO_anOverstatedWinnerRaisesTheRisk() {
        List<ReportedBatch> batches = stations(300);
        BatchComparisonAudit audit = BatchComparisonAudit.of(Macro.of(batches, 1), "seed", 0.05, 3);
        long n = audit.initialDraws();
        Map<String, long[]> counts = asReported(batches);
        String first = audit.stations(n).get(0);
        long[] c = counts.get(first).clone();
        c[0] -= 30;
        c[1] += 30;
        counts.put(first, c);
        assertThat(audit.risk(n, counts)).isGreaterThan(audit.risk(n, asReported(batches)));
    }

    @Test
    void ST_RLA_MACRO_roundsStopAtTheFirstDecisionOtherThanNextRound() {
        List<ReportedBatch> batches = stations(300);
        BatchComparisonAudit audit = BatchComparisonAudit.of(Macro.of(batches, 1), "seed", 0.05, 3);
        assertThat(audit.rounds(5, asReported(batches))).hasSize(1);
        List<Round> none = audit.rounds(5, Map.of());
        assertThat(none)
                .extracting(Round::decision)
                .containsExactly(Decision.NEXT_ROUND, Decision.NEXT_ROUND, Decision.FULL_HAND_COUNT);
        assertThat(none.get(1).draws()).isEqualTo(none.get(0).nextDraws());
    }
}
