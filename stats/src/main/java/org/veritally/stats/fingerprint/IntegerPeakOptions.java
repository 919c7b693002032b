package org.veritally.stats.fingerprint;

import java.util.Objects;

/**
 * The knobs of the integer-percentage tests ({@code ST-INTPCT-TURNOUT}, {@code ST-INTPCT-SHARE}).
 *
 * @param minDenominator stations with a smaller denominator are left out (at least 100, so that whole
 *     percentages are at least a ballot apart)
 * @param replicates Monte Carlo replicates, at least 10
 * @param seed the Monte Carlo seed (reported with the result)
 * @param turnout which ballots make the turnout
 * @param share which ballots the candidate's share is taken of
 */
public record IntegerPeakOptions(
        long minDenominator, int replicates, long seed, TurnoutBallots turnout, ShareBase share) {
    /** The default smallest denominator tested. */
    public static final long DEFAULT_MIN_DENOMINATOR = 100;
    /** The default number of Monte Carlo replicates. */
    public static final int DEFAULT_REPLICATES = 100;

    /** @throws IllegalArgumentException if minDenominator &lt; 100 or replicates &lt; 10 */
    public IntegerPeakOptions {
        Objects.requireNonNull(turnout, "turnout");
        Objects.requireNonNull(share, "share");
        if (minDenominator < 100) {
            throw new IllegalArgumentException("minDenominator must be at least 100, got " + minDenominator);
        }
        if (replicates < 10) {
            throw new IllegalArgumentException("replicates must be at least 10, got " + replicates);
        }
    }

    /** The defaults with the given seed: denominators of 100 or more, 100 replicates, the paper's ballots. */
    public static IntegerPeakOptions defaults(long seed) {
        return new IntegerPeakOptions(
                DEFAULT_MIN_DENOMINATOR, DEFAULT_REPLICATES, seed, TurnoutBallots.CAST, ShareBase.BALLOTS);
    }

    /** A copy with another number of replicates. */
    public IntegerPeakOptions withReplicates(int r) {
        return new IntegerPeakOptions(minDenominator, r, seed, turnout, share);
    }
}
