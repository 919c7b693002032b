package org.veritally.stats.quickcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.veritally.stats.RuleId;

class SampleSizeTest {

    @Test
    void ST_QC_SIZE_ndiHandbookPeru2001Example() {
        SampleSizeResult r = SampleSize.voters(14_570_774, 0.5, 0.0032, 2.58);
        System.out.println("ST-QC-SIZE Peru 2001: " + r);
        assertThat(r.rule()).isEqualTo(RuleId.ST_QC_SIZE);
        assertThat(r.infinitePopulation()).isCloseTo(162_509.765625, within(1e-6));
        assertThat(r.exact()).isCloseTo(160_717.2757, within(1e-3));
        assertThat((long) Math.floor(r.exact())).isEqualTo(160_717);
        assertThat(r.voters()).isEqualTo(160_718);
        assertThat(r.stations()).isEmpty();
    }

    @Test
    void ST_QC_SIZE_stationsFromAverageStationSize() {
        SampleSizeResult r = SampleSize.stations(14_570_774, 0.5, 0.0032, 2.58, 200);
        assertThat(r.stations()).hasValue(804);
        assertThat(SampleSize.stations(1_000_000, 0.5, 0.01, 1.96, 100).stations())
                .hasValue(96);
    }

    @Test
    void ST_QC_SIZE_smallPopulationNeverExceedsItself() {
        assertThat(SampleSize.voters(500, 0.5, 0.01, 2.58).voters()).isLessThanOrEqualTo(500);
        assertThat(SampleSize.voters(1, 0.5, 0.01, 2.58).voters()).isEqualTo(1);
        assertThatThrownBy(() -> SampleSize.voters(0, 0.5, 0.01, 2.58)).isInstanceOf(IllegalArgumentException.class);
    }
}
