package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

/** ST-RLA-STRATA: the draws shared among strata by the D'Hondt divisor method. */
class StratifiedAllocationTest {

    @Test
    void ST_RLA_STRATA_dhondtSequenceByHand() {
        // U = (3, 1): 3/1 > 1/1, 3/2 > 1/1, 3/3 = 1/1 (tie: first listed), 1/1 > 3/4, then 3/4 > 1/2, ...
        assertThat(StratifiedAllocation.strata(new double[] {3, 1}, 8)).containsExactly(0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(StratifiedAllocation.counts(new double[] {3, 1}, 8)).containsExactly(6, 2);
    }

    @Test
    void ST_RLA_STRATA_allocationGrowsWithTheDrawsAndStaysWithinOneDrawOfProportional() {
        long seed = Seeds.seed("D'Hondt allocation", 1903L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 50; k++) {
            double[] u = new double[1 + random.nextInt(8)];
            double total = 0;
            for (int s = 0; s < u.length; s++) total += u[s] = 0.1 + random.nextDouble() * 10;
            long[] before = new long[u.length];
            for (int n = 1; n <= 300; n++) {
                long[] now = StratifiedAllocation.counts(u, n);
                for (int s = 0; s < u.length; s++) {
                    assertThat(now[s])
                            .as("seed %d: stratum %d never loses a draw", seed, s)
                            .isGreaterThanOrEqualTo(before[s]);
                    // D'Hondt never gives a stratum less than floor of its quota (Balinski & Young 1982)
                    assertThat((double) now[s]).isGreaterThanOrEqualTo(Math.floor(n * u[s] / total));
                }
                before = now;
            }
        }
    }
}
