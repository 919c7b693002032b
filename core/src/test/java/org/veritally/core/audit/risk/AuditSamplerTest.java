package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditSamplerTest {
    static final String SEED = "dice 31415 92653";

    @Test
    void ST_RLA_MACRO_streamIsSha256OfSeedCommaDrawNumber() {
        // Independently computed: printf 'dice 31415 92653,1' | sha256sum
        assertThat(AuditSampler.stream(SEED, 1))
                .isEqualTo(new BigInteger("c81fc286919e2decc5a060831f1fb0fc0979cfec45d1b4bd99a68eb7ff1c137c", 16));
        // python: (int(h[:16], 16) >> 11) / 2**53 for draws 1, 2, 3
        assertThat(AuditSampler.fraction(SEED, 1)).isEqualTo(0.7817346170937688);
        assertThat(AuditSampler.fraction(SEED, 2)).isEqualTo(0.28514672713062894);
        assertThat(AuditSampler.fraction(SEED, 3)).isEqualTo(0.42354861631344853);
    }

    @Test
    void ST_RLA_BRAVO_ballotDrawIsHashModuloTheBallotsOfTheManifest() {
        // python: int(h, 16) % 1000 for draws 1, 2, 3 -> positions 732, 981, 922 of 1000 ballots
        long[][] d = AuditSampler.ballots(SEED, new long[] {700, 0, 250, 50}, 1, 3);
        assertThat(d[0]).containsExactly(2, 33); // position 732: batch 2 (700..949), ballot 33
        assertThat(d[1]).containsExactly(3, 32); // position 981: batch 3 (950..999), ballot 32
        assertThat(d[2]).containsExactly(2, 223);
    }

    @Test
    void ST_RLA_MACRO_laterRoundsExtendTheSameSequence() {
        double[] w = {1, 2, 3, 0, 4};
        int[] all = AuditSampler.ppeb(SEED, w, 1, 40);
        int[] first = AuditSampler.ppeb(SEED, w, 1, 15);
        int[] rest = AuditSampler.ppeb(SEED, w, 16, 40);
        assertThat(Arrays.copyOf(all, 15)).containsExactly(first);
        assertThat(Arrays.copyOfRange(all, 15, 40)).containsExactly(rest);
        assertThat(all).doesNotContain(3);
    }

    @Test
    void ST_RLA_MACRO_ppebDrawsInProportionToTheErrorBounds() {
        double[] w = {1, 2, 3, 4};
        int n = 40_000;
        int[] counts = new int[w.length];
        for (int i : AuditSampler.ppeb("proportion", w, 1, n)) counts[i]++;
        for (int i = 0; i < w.length; i++) {
            double expected = n * w[i] / 10;
            // four standard deviations of a binomial count
            double sd = Math.sqrt(n * (w[i] / 10) * (1 - w[i] / 10));
            assertThat((double) counts[i]).as("batch %d", i).isCloseTo(expected, within(4 * sd));
        }
    }

    @Test
    void ST_RLA_MACRO_refusesBadWeightsAndRanges() {
        assertThatThrownBy(() -> AuditSampler.ppeb(SEED, new double[] {0, 0}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditSampler.ppeb(SEED, new double[] {-1, 2}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditSampler.ppeb(SEED, new double[] {1}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
