package org.veritally.stats.fingerprint;

/**
 * One whole percentage of an integer-percentage test: how many stations are at it (within half a ballot, see
 * {@link WholePercent}) against the binomial Monte Carlo.
 *
 * @param percent the whole percentage, 0..100
 * @param observed stations at it
 * @param expected the mean over the Monte Carlo replicates
 * @param sd the standard deviation over the replicates
 */
public record PercentExcess(int percent, long observed, double expected, double sd) {

    /** observed − expected. */
    public double excess() {
        return observed - expected;
    }
}
