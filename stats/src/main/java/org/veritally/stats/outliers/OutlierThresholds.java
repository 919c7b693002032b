package org.veritally.stats.outliers;

/**
 * The tunable thresholds of the outlier rules, with documented defaults ({@link #defaults()}).
 *
 * @param highTurnout {@code ST-OUT-TURNOUT95}: flag turnout above this and at most 1 (default 0.95)
 * @param majorShare {@code ST-OUT-ZEROMAJOR} and {@code ST-OUT-NEIGHBOUR}: a major candidate has at least
 *     this national share (default 0.10)
 * @param zeroMajorMinValid {@code ST-OUT-ZEROMAJOR}: only stations with at least this many valid votes
 *     (default 100)
 * @param duplicateMinValid {@code ST-OUT-DUPVEC}: a vote vector is non-trivial with at least this many
 *     valid votes (default 10), so that [1, 0, 0] twice is not flagged
 * @param neighbourK {@code ST-OUT-NEIGHBOUR}: flag beyond this many robust SDs (default 3.5, the cut-off
 *     Iglewicz &amp; Hoaglin 1993 recommend for the modified z-score)
 * @param neighbourMinOthers {@code ST-OUT-NEIGHBOUR}: only with at least this many other stations in the
 *     unit (default 4), since a median and MAD of fewer are too fragile
 */
public record OutlierThresholds(
        double highTurnout,
        double majorShare,
        long zeroMajorMinValid,
        long duplicateMinValid,
        double neighbourK,
        int neighbourMinOthers) {

    /** @throws IllegalArgumentException if a threshold is out of range */
    public OutlierThresholds {
        if (!(highTurnout > 0 && highTurnout <= 1) || !(majorShare > 0 && majorShare <= 1)) {
            throw new IllegalArgumentException("highTurnout and majorShare must be in (0, 1]");
        }
        if (zeroMajorMinValid < 1 || duplicateMinValid < 1 || !(neighbourK > 0) || neighbourMinOthers < 2) {
            throw new IllegalArgumentException("minimums must be >= 1, k > 0 and minOthers >= 2");
        }
    }

    /** 0.95, 0.10, 100, 10, 3.5, 4. */
    public static OutlierThresholds defaults() {
        return new OutlierThresholds(0.95, 0.10, 100, 10, 3.5, 4);
    }
}
