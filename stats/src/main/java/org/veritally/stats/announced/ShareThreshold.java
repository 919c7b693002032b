package org.veritally.stats.announced;

/**
 * A share of the valid votes that a winner must reach, as an exact fraction: share &gt; num/den when strict
 * ("50% + 1", an absolute majority), otherwise share &ge; num/den (for example 40%).
 *
 * @param numerator numerator, &ge; 0
 * @param denominator denominator, &gt; 0 and &ge; numerator
 * @param strict whether the share must exceed the fraction rather than reach it
 */
public record ShareThreshold(long numerator, long denominator, boolean strict) {

    /** @throws IllegalArgumentException unless 0 &le; numerator &le; denominator and denominator &gt; 0 */
    public ShareThreshold {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("threshold must be a fraction in [0, 1]");
        }
    }

    /** More than half of the valid votes ("50% + 1"). */
    public static ShareThreshold moreThanHalf() {
        return new ShareThreshold(1, 2, true);
    }

    /** At least {@code percent}% of the valid votes. */
    public static ShareThreshold atLeastPercent(long percent) {
        return new ShareThreshold(percent, 100, false);
    }

    /** Whether {@code votes} out of {@code valid} meets the threshold (exact). */
    public boolean isMetBy(long votes, long valid) {
        long lhs = Math.multiplyExact(votes, denominator);
        long rhs = Math.multiplyExact(valid, numerator);
        return strict ? lhs > rhs : lhs >= rhs;
    }

    @Override
    public String toString() {
        return (strict ? "> " : ">= ") + numerator + "/" + denominator;
    }
}
