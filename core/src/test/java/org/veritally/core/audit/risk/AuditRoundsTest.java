package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AuditRounds: the round loop shared by verify (VFY-AUDIT) and the server that writes audit-round entries. */
class AuditRoundsTest {
    static final String SEED = "3 1 4 1 5 9 2 6 5 3 5 8 9 7 9 3 2 3 8 4";

    static List<ReportedBatch> batches() {
        List<ReportedBatch> out = new ArrayList<>();
        for (int i = 0; i < 40; i++)
            out.add(AuditRounds.batch("S" + i, "N", 600, new long[] {300 + (i * 7) % 60, 200 + (i * 11) % 50}, 2));
        return out;
    }

    @Test
    void aStationWithNoSheetIsAPhantomWithZeroVotesAndItsRegisteredVotersAsBound() {
        assertThat(AuditRounds.batch("P", "N", 600, null, 2)).isEqualTo(new ReportedBatch("P", "N", 600, new long[2]));
        assertThat(AuditRounds.batch("Q", "N", 10, new long[] {8, 7}, 2).ballots())
                .isEqualTo(15);
    }

    @Test
    void countsAfterARoundsEntryDoNotCountForThatRoundAndTheNextRoundFollowsTheDecision() {
        List<ReportedBatch> b = batches();
        var plain = BatchComparisonAudit.of(Macro.of(b, 1), SEED, 0.10, 3);
        long draws = plain.initialDraws();
        List<AuditRounds.Count> counts = new ArrayList<>();
        long index = 100;
        for (String s : plain.stations(draws)) {
            long[] v = b.get(Integer.parseInt(s.substring(1))).votes();
            counts.add(new AuditRounds.Count(index++, s, Map.of("A", v[0], "B", v[1]), Map.of()));
        }
        var rounds = AuditRounds.of(true, b, List.of("A", "B"), SEED, 0.10, 3, counts);
        // a round recorded before any count measures the worst case, and asks for another round
        Round early = rounds.replay(List.of(new AuditRounds.At(1, 50))).get(0);
        assertThat(early.risk()).isEqualTo(1.0);
        assertThat(early.decision()).isEqualTo(Decision.NEXT_ROUND);
        assertThat(rounds.next(List.of(new AuditRounds.At(1, 50)), index)
                        .orElseThrow()
                        .number())
                .isEqualTo(2);
        // after every count: the same round as BatchComparisonAudit computes, and nothing after a confirmation
        Round done = rounds.replay(List.of(new AuditRounds.At(1, index))).get(0);
        Map<String, long[]> byStation = new java.util.HashMap<>();
        for (AuditRounds.Count k : counts)
            byStation.put(k.station(), new long[] {k.votes().get("A"), k.votes().get("B")});
        assertThat(done).isEqualTo(plain.round(1, draws, byStation));
        assertThat(done.decision()).isEqualTo(Decision.CONFIRMED);
        assertThat(done.counted()).isEqualTo(done.stations().size());
        assertThat(rounds.next(List.of(new AuditRounds.At(1, index)), index + 1))
                .isEmpty();
    }
}
