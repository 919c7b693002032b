package org.veritally.stats.digits;

/**
 * A bootstrap percentile confidence interval, with everything needed to reproduce it.
 *
 * @param low lower bound
 * @param high upper bound
 * @param spec seed, replicates and confidence used
 */
public record Interval(double low, double high, BootstrapSpec spec) {

    /** Whether {@code value} lies inside the closed interval. */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
