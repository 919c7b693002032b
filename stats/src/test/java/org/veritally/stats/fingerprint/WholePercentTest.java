package org.veritally.stats.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WholePercentTest {

    @Test
    void ST_INTPCT_TURNOUT_everyWholePercentageWrittenByNearestBallotIsInItsWindow() {
        for (long n : new long[] {100, 101, 150, 999, 1000, 1755, 2999}) {
            for (int p = 0; p <= 100; p++) {
                long nearest = (p * n + 50) / 100;
                assertThat(WholePercent.of(nearest, n)).as("%d%% of %d", p, n).isEqualTo(p);
                if (p * n % 100 == 0) {
                    assertThat(WholePercent.of(p * n / 100, n)).isEqualTo(p);
                }
            }
        }
        assertThat(WholePercent.of(1492, 1755)).isEqualTo(85); // 85.01 %
        assertThat(WholePercent.of(1493, 1755)).isEqualTo(WholePercent.NONE); // 85.07 %
    }

    @Test
    void ST_INTPCT_TURNOUT_windowAgreesWithDecimalArithmetic() {
        long seed = 19L;
        System.out.println("WholePercent reference seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            long n = 100 + random.nextInt(3000);
            long k = random.nextLong(n + 1);
            // Independently: the whole percentages P whose exact P·n/100 is within half a ballot of k.
            int expected = WholePercent.NONE;
            for (int p = 0; p <= 100; p++) {
                BigDecimal x = BigDecimal.valueOf(p * n).divide(BigDecimal.valueOf(100));
                if (x.subtract(BigDecimal.valueOf(k)).abs().compareTo(new BigDecimal("0.5")) <= 0) {
                    assertThat(expected).as("one window only for %d/%d", k, n).isEqualTo(WholePercent.NONE);
                    expected = p;
                }
            }
            assertThat(WholePercent.of(k, n)).as("%d/%d", k, n).isEqualTo(expected);
        }
    }
}
