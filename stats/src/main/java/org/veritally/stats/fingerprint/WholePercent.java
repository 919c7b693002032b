package org.veritally.stats.fingerprint;

/**
 * The window around a whole percentage used by the integer-percentage tests ({@code ST-INTPCT-TURNOUT},
 * {@code ST-INTPCT-SHARE}), in exact integer arithmetic.
 *
 * <p>A count k out of n is <em>at</em> whole percentage P when k is within half a ballot of P% of n:
 * |100·k − P·n| ≤ 50. That is what an official who writes "85 %" produces by reporting the nearest ballot
 * count (1,755 × 0.85 = 1,491.75 → 1,492, which is 85.01 %): the figure is the whole percentage as closely as
 * whole ballots allow. For n ≥ 100 the points P·n/100 are at least one ballot apart, so a count is at most
 * one whole percentage's window; the nearest one is floor((200·k + n) / (2·n)). Stateless and thread-safe.
 */
public final class WholePercent {
    /** No whole percentage: the count is more than half a ballot from every P% of n. */
    public static final int NONE = -1;

    private WholePercent() {}

    /** The whole percentage nearest to 100·k/n (halves round up), 0..100 for 0 ≤ k ≤ n. */
    public static int nearest(long k, long n) {
        return (int) ((200 * k + n) / (2 * n));
    }

    /** Whether k is within half a ballot of {@code percent}% of n: |100·k − percent·n| ≤ 50. */
    public static boolean within(long k, long n, int percent) {
        return Math.abs(100 * k - percent * n) <= 50;
    }

    /** The whole percentage whose window holds k out of n, or {@link #NONE}; needs n ≥ 100. */
    public static int of(long k, long n) {
        int p = nearest(k, n);
        return within(k, n, p) ? p : NONE;
    }

    /** The smallest count in the window of {@code percent}% of n: ceil((percent·n − 50) / 100), at least 0. */
    static long low(long n, int percent) {
        return Math.max(0, Math.floorDiv(percent * n - 50 + 99, 100));
    }

    /** The largest count in the window of {@code percent}% of n: floor((percent·n + 50) / 100), at most n. */
    static long high(long n, int percent) {
        return Math.min(n, Math.floorDiv(percent * n + 50, 100));
    }
}
