package org.veritally.stats.outliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LeaveOneOutTest {

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    @Test
    void ST_OUT_NEIGHBOUR_leaveOneOutMedianAndMadAgreeWithNaiveReference() {
        long seed = 23L;
        System.out.println("ST-OUT-NEIGHBOUR reference seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 500; trial++) {
            int m = 2 + random.nextInt(40);
            double[] values = new double[m];
            for (int i = 0; i < m; i++) {
                // Coarse values so that ties, which the fast version must handle, are common.
                values[i] = random.nextInt(12) / 11.0;
            }
            LeaveOneOut fast = new LeaveOneOut(values);
            for (int i = 0; i < m; i++) {
                double[] others = new double[m - 1];
                for (int j = 0, k = 0; j < m; j++) {
                    if (j != i) {
                        others[k++] = values[j];
                    }
                }
                double med = median(others);
                double[] dev = Arrays.stream(others).map(v -> Math.abs(v - med)).toArray();
                assertThat(fast.medianOfOthers(values[i])).isCloseTo(med, within(1e-15));
                assertThat(fast.madOfOthers(values[i], med)).isCloseTo(median(dev), within(1e-15));
            }
        }
    }

    @Test
    void ST_OUT_NEIGHBOUR_robustSdIsFlooredAtBinomialNoise() {
        assertThat(NeighbourDeviation.robustSd(0, 0.5, 400)).isCloseTo(Math.sqrt(0.25 / 400), within(1e-4));
        assertThat(NeighbourDeviation.robustSd(0, 0, 400)).isGreaterThan(0);
        assertThat(NeighbourDeviation.robustSd(0.1, 0.5, 400)).isCloseTo(0.14826, within(1e-12));
    }
}
