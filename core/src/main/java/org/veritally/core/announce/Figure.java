package org.veritally.core.announce;

/**
 * One announced figure judged against the sheets in hand: the announced value, what the sheets in
 * hand give, the interval the announced value must lie in, and the verdict with a plain sentence.
 *
 * @param field a candidate id, {@code others}, {@code valid}, {@code null} or {@code ballots}
 * @param low the smallest value consistent with the sheets in hand and the claimed coverage
 * @param high the largest: the sheets in hand plus every registered voter not in hand
 */
public record Figure(
        String field,
        String name,
        long announced,
        long inHand,
        long low,
        long high,
        Status status,
        String explanation) {
    /** The verdict on one figure. */
    public enum Status {
        CONSISTENT,
        CONTRADICTED,
        NOT_YET_CHECKABLE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
