package org.veritally.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StationCountsTest {

    @Test
    void votesAreCopiedSoInstancesStayImmutable() {
        long[] votes = {3, 4};
        StationCounts s = new StationCounts("s", "c", "h", 10, 8, votes);
        votes[0] = 99;
        s.votesPerCandidate()[1] = 99;
        assertThat(s.votes(0)).isEqualTo(3);
        assertThat(s.votes(1)).isEqualTo(4);
        assertThat(s.valid()).isEqualTo(7);
        assertThat(s.turnout()).isEqualTo(0.8);
        assertThat(s).isEqualTo(new StationCounts("s", "c", "h", 10, 8, new long[] {3, 4}));
        assertThat(s.hashCode()).isEqualTo(new StationCounts("s", "c", "h", 10, 8, new long[] {3, 4}).hashCode());
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new StationCounts("s", "c", "h", 10, 8, new long[] {-1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StationCounts("s", "c", "h", -1, 8, new long[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candidateSetAndTotals() {
        CandidateSet set = CandidateSet.ofIds("A", "B", "C");
        assertThat(set.indexOf("B")).isEqualTo(1);
        assertThatThrownBy(() -> set.indexOf("Z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CandidateSet.ofIds("A", "A")).isInstanceOf(IllegalArgumentException.class);
        NationalTotals t = NationalTotals.of(
                List.of(
                        new StationCounts("1", "c", "", 100, 60, new long[] {10, 40, 9}),
                        new StationCounts("2", "c", "", 100, 50, new long[] {20, 25, 5})),
                3);
        assertThat(t.valid()).isEqualTo(109);
        assertThat(t.leader()).isEqualTo(1);
        assertThat(t.runnerUp()).isZero();
        assertThat(t.candidatesWithShareAtLeast(0.10)).containsExactly(0, 1, 2);
        assertThat(t.candidatesWithShareAtLeast(0.20)).containsExactly(0, 1);
        assertThat(t.ballotsCast()).isEqualTo(110);
    }

    @Test
    void everyRuleHasAStableCodeCaveatAndSource() {
        for (RuleId r : RuleId.values()) {
            assertThat(r.code()).matches("ST-[A-Z0-9-]+").isEqualTo(r.name().replace('_', '-'));
            assertThat(r.caveat()).isNotBlank();
            assertThat(r.source()).isNotBlank();
        }
    }
}
