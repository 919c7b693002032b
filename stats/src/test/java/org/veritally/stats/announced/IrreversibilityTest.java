package org.veritally.stats.announced;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.stats.RuleId;

class IrreversibilityTest {
    private static final List<String> CNE_LABELS = List.of("Maduro", "González", "others");
    private static final long[] CNE_FIRST = {5_150_092, 4_445_978, 462_704};
    /** 20% of the 21,321,805 registered voters: the actas the first bulletin said were not yet in. */
    private static final long CNE_REMAINING = 4_264_361;

    @Test
    void ST_IRREV_cneFirstBulletinWasNotIrreversible() {
        IrreversibilityResult r = Irreversibility.assess(CNE_LABELS, CNE_FIRST, CNE_REMAINING);
        System.out.println("ST-IRREV CNE first bulletin: " + r);
        assertThat(r.rule()).isEqualTo(RuleId.ST_IRREV);
        assertThat(r.leader()).isEqualTo("Maduro");
        assertThat(r.margins().get(0).over()).isEqualTo("González");
        assertThat(r.margins().get(0).margin()).isEqualTo(704_114);
        assertThat(r.irreversible()).isFalse();
        assertThat(r.margins().get(1).irreversible()).isTrue();
    }

    @Test
    void ST_IRREV_marginEqualToRemainingIsNotIrreversible() {
        assertThat(Irreversibility.assess(List.of("a", "b"), new long[] {110, 100}, 10)
                        .irreversible())
                .isFalse();
        assertThat(Irreversibility.assess(List.of("a", "b"), new long[] {110, 100}, 9)
                        .irreversible())
                .isTrue();
    }

    @Test
    void ST_IRREV_thresholdCertainlyMetMissedOrOpen() {
        ThresholdResult first =
                Irreversibility.againstThreshold(CNE_LABELS, CNE_FIRST, CNE_REMAINING, ShareThreshold.moreThanHalf());
        assertThat(first.status()).isEqualTo(ThresholdResult.Status.OPEN);
        assertThat(first.lowestPossibleShare()).isLessThan(0.5);
        assertThat(first.highestPossibleShare()).isGreaterThan(0.5);
        List<String> ab = List.of("a", "b");
        assertThat(Irreversibility.againstThreshold(ab, new long[] {60, 30}, 10, ShareThreshold.moreThanHalf())
                        .status())
                .isEqualTo(ThresholdResult.Status.CERTAINLY_MET);
        assertThat(Irreversibility.againstThreshold(ab, new long[] {50, 40}, 10, ShareThreshold.moreThanHalf())
                        .status())
                .isEqualTo(ThresholdResult.Status.OPEN);
        assertThat(Irreversibility.againstThreshold(ab, new long[] {50, 40}, 10, ShareThreshold.atLeastPercent(50))
                        .status())
                .isEqualTo(ThresholdResult.Status.CERTAINLY_MET);
        assertThat(Irreversibility.againstThreshold(ab, new long[] {30, 29}, 1, ShareThreshold.atLeastPercent(60))
                        .status())
                .isEqualTo(ThresholdResult.Status.CERTAINLY_MISSED);
    }
}
