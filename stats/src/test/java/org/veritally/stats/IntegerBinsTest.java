package org.veritally.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntegerBinsTest {

    @Test
    void ST_FP_everyWholePercentageLandsInItsOwnBin() {
        for (long n : new long[] {100, 200, 300, 500, 1000, 1700, 100_000}) {
            for (int p = 0; p <= 100; p++) {
                if (p * n % 100 != 0) continue;
                long k = p * n / 100;
                assertThat(IntegerBins.bin(k, n, 100)).as("%d%% of %d", p, n).isEqualTo(Math.min(99, p));
                assertThat(IntegerBins.bin(k, n, 50)).isEqualTo(Math.min(49, p / 2));
                assertThat(IntegerBins.bin(k, n, 1000)).isEqualTo(Math.min(999, 10 * p));
            }
        }
    }

    @Test
    void ST_FP_floatingPointWouldPutFiftySevenPercentOneBinTooLow() {
        assertThat((int) ((double) 57 / 100 * 100)).isEqualTo(56);
        assertThat(IntegerBins.bin(57, 100, 100)).isEqualTo(57);
        assertThat(IntegerBins.bin(58, 100, 100)).isEqualTo(58);
    }

    @Test
    void ST_FP_justBelowAWholePercentageStaysInTheBinBelow() {
        assertThat(IntegerBins.bin(569, 1000, 100)).isEqualTo(56);
        assertThat(IntegerBins.bin(1, 3, 3)).isEqualTo(1);
        assertThat(IntegerBins.bin(0, 7, 100)).isZero();
        assertThat(IntegerBins.bin(7, 7, 100)).isEqualTo(99);
        assertThatThrownBy(() -> IntegerBins.bin(8, 7, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
