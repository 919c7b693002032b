package org.veritally.stats;

/**
 * Exact binning of ratios k/n in integer arithmetic: the bin of k/n among {@code bins} equal bins of [0, 1]
 * is floor(k·bins/n), computed in {@code long} so that 57/100 lands in bin 57 of 100 (a double computes
 * 57.0/100*100 = 56.999… and puts it one bin too low). Stateless and thread-safe.
 */
public final class IntegerBins {
    private IntegerBins() {}

    /**
     * The bin of k/n: floor(k·bins/n), with k = n (a ratio of 1) in the last bin.
     *
     * @throws IllegalArgumentException if n &lt; 1, bins &lt; 1, k &lt; 0 or k &gt; n
     * @throws ArithmeticException if k·bins overflows a long
     */
    public static int bin(long k, long n, int bins) {
        if (n < 1 || bins < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, n >= 1, bins >= 1: " + k + "/" + n);
        }
        return (int) Math.min(bins - 1, Math.multiplyExact(k, bins) / n);
    }
}
