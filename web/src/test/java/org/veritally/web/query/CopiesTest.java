package org.veritally.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.ConsensusPolicy;
import org.veritally.core.reconcile.StationStatus;

class CopiesTest {
    private static OptionalLong v(long x) {
        return OptionalLong.of(x);
    }

    private static TallySheet sheet(String source, long blank, long... votes) {
        long valid = 0;
        for (long x : votes) valid += x;
        return new TallySheet("P1", "C1", source, new SummaryCounts(500, SummaryCounts.ABSENT, valid, 3, blank), votes);
    }

    @Test
    void statusFollowsTheCopiesByTheReconciliationRule() {
        var p = ConsensusPolicy.DEFAULT;
        var a = Copies.copy(0, 10, sheet("a", 2, 100, 50));
        var b = Copies.copy(1, 11, sheet("b", 2, 100, 50));
        var c = Copies.copy(2, 12, sheet("c", 2, 105, 45));
        var noBlank = Copies.copy(2, 13, sheet("c", SummaryCounts.ABSENT, 100, 50));
        assertThat(Copies.status(List.of(), p)).isEqualTo(StationStatus.MISSING);
        assertThat(Copies.status(List.of(a), p)).isEqualTo(StationStatus.SINGLE);
        assertThat(Copies.status(List.of(a, b), p)).isEqualTo(StationStatus.AGREED);
        assertThat(Copies.status(List.of(a, b, c), p)).isEqualTo(StationStatus.DISPUTED);
        assertThat(Copies.status(List.of(a, noBlank), p))
                .as("a count one copy lacks is no dispute")
                .isEqualTo(StationStatus.AGREED);
    }

    @Test
    void theOddCopyOutIsMarkedWhenThereIsAMajority() {
        assertThat(Copies.differs(List.of(v(10), v(10), v(15)))).containsExactly(false, false, true);
    }

    @Test
    void withoutAMajorityEveryCopyIsMarked() {
        assertThat(Copies.differs(List.of(v(10), v(15)))).containsExactly(true, true);
        assertThat(Copies.differs(List.of(v(1), v(2), v(3)))).containsExactly(true, true, true);
    }

    @Test
    void anAbsentCountIsNeverMarkedNorCountedAgainstTheOthers() {
        assertThat(Copies.differs(List.of(v(3), OptionalLong.empty(), v(3)))).containsExactly(false, false, false);
        assertThat(Copies.differs(List.of(v(3), OptionalLong.empty(), v(4)))).containsExactly(true, false, true);
    }

    @Test
    void equalValuesAreNeverMarked() {
        assertThat(Copies.differs(List.of(v(7), v(7), v(7)))).containsExactly(false, false, false);
    }
}
