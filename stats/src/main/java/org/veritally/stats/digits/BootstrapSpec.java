package org.veritally.stats.digits;

/**
 * How to bootstrap a confidence interval: the seed of the {@link java.util.SplittableRandom}, the number
 * of replicates and the confidence level. Reported back in every result so that anyone can rerun it.
 *
 * @param seed the random seed
 * @param replicates bootstrap replicates, at least 100
 * @param confidence confidence level, strictly between 0 and 1 (for example 0.95)
 */
public record BootstrapSpec(long seed, int replicates, double confidence) {

    /** @throws IllegalArgumentException if replicates &lt; 100 or confidence is not in (0, 1) */
    public BootstrapSpec {
        if (replicates < 100) {
            throw new IllegalArgumentException("replicates must be at least 100, got " + replicates);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /** 1,000 replicates at 95% confidence with the given seed. */
    public static BootstrapSpec of(long seed) {
        return new BootstrapSpec(seed, 1000, 0.95);
    }
}
