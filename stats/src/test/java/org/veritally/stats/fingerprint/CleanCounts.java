package org.veritally.stats.fingerprint;

import java.util.SplittableRandom;

/** Seeded clean turnouts for the integer-percentage tests: realistic station sizes, smooth turnout. */
final class CleanCounts {
    private CleanCounts() {}

    /** {ballots, registered} of {@code size} stations: 100..3,000 registered, turnout ~ N(0.62, 0.10). */
    static long[][] turnouts(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] k = new long[size];
        long[] n = new long[size];
        for (int i = 0; i < size; i++) {
            n[i] = Math.min(3000, 100 + (long) Math.exp(6.3 + 0.6 * random.nextGaussian()));
            double t = Math.max(0.05, Math.min(0.98, 0.62 + 0.10 * random.nextGaussian()));
            k[i] = binomialApprox(random, n[i], t);
        }
        return new long[][] {k, n};
    }

    /** A smooth count near n·p: the normal approximation of Binomial(n, p), kept in [0, n]. */
    static long binomialApprox(SplittableRandom random, long n, double p) {
        long x = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * random.nextGaussian());
        return Math.max(0, Math.min(n, x));
    }
}
