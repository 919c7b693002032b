package org.veritally.stats.fingerprint;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.veritally.stats.dist.Gamma;

/**
 * The binomial Monte Carlo null of Kobak, Shpilkin &amp; Pshenichnikov (2016, Annals of Applied Statistics
 * 10(1):54-73): in each replicate every station's numerator is redrawn as k' ~ Binomial(n, k/n), with its own
 * denominator n and its own observed ratio, and the stations whose k' is at a whole percentage (the {@link
 * WholePercent} window) are counted per percentage.
 *
 * <p>Only the whole percentage that k' lands on is counted, never k' itself, so each station's draw is made
 * from that outcome's exact distribution: the binomial probability of each window (summed from the pmf over
 * the mode ± 6 standard deviations, which leaves out less than 1e-8, by the ratio recurrence from the mode)
 * and of no window. That has the same distribution as drawing k' and testing it, at a fraction of the cost.
 * {@code BinomialWindowNullTest} checks it against a naive reference that draws k' by summing Bernoulli
 * trials.
 *
 * <p>Deterministic for a seed whatever the number of threads: stations are cut into fixed blocks of {@value
 * #BLOCK}, block b draws from {@code new SplittableRandom(seed ^ (b × golden gamma))}, and blocks run in
 * parallel. Stateless and thread-safe.
 */
final class BinomialWindowNull {
    static final int PERCENTS = 101;
    static final int BLOCK = 8192;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double SPREAD = 6;
    private static final double[] INVERSE = inverses(1 << 16);

    private BinomialWindowNull() {}

    private static double[] inverses(int size) {
        double[] inv = new double[size];
        for (int i = 1; i < size; i++) {
            inv[i] = 1.0 / i;
        }
        return inv;
    }

    /** 1 / i from a table for i below 65,536 (a multiplication is cheaper than a division). */
    static double inverse(long i) {
        return i < INVERSE.length ? INVERSE[(int) i] : 1.0 / i;
    }

    /**
     * Counts per replicate and whole percentage: element {@code r * 101 + P} is how many stations of
     * replicate r landed at P%. Every n must be at least 100 and every k in [0, n].
     */
    static long[] simulate(long[] k, long[] n, int replicates, long seed) {
        int blocks = (k.length + BLOCK - 1) / BLOCK;
        return IntStream.range(0, blocks)
                .parallel()
                .mapToObj(b -> block(k, n, b * BLOCK, Math.min(k.length, (b + 1) * BLOCK), replicates, seed, b))
                .reduce(new long[replicates * PERCENTS], BinomialWindowNull::add);
    }

    private static long[] add(long[] a, long[] b) {
        long[] sum = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    private static long[] block(long[] k, long[] n, int from, int to, int replicates, long seed, int b) {
        SplittableRandom random = new SplittableRandom(seed ^ (b * GOLDEN_GAMMA));
        long[] counts = new long[replicates * PERCENTS];
        Windows w = new Windows();
        for (int i = from; i < to; i++) {
            w.of(k[i], n[i]);
            if (w.size == 0) {
                continue;
            }
            double total = w.cumulative[w.size - 1];
            for (int r = 0; r < replicates; r++) {
                double u = random.nextDouble();
                if (u >= total) {
                    continue;
                }
                int j = 0;
                while (w.cumulative[j] <= u) {
                    j++;
                }
                counts[r * PERCENTS + w.percent[j]]++;
            }
        }
        return counts;
    }

    /** The whole-percentage windows one station's redraw can land in, with cumulative probabilities. */
    static final class Windows {
        int size;
        int[] percent = new int[PERCENTS];
        double[] cumulative = new double[PERCENTS];
        private double[] pmf = new double[256];

        void of(long k, long n) {
            size = 0;
            if (k == 0 || k == n) {
                int p = WholePercent.of(k, n);
                if (p != WholePercent.NONE) {
                    percent[0] = p;
                    cumulative[0] = 1;
                    size = 1;
                }
                return;
            }
            double p = (double) k / n;
            double sd = Math.sqrt(n * p * (1 - p));
            long mode = Math.min(n, (long) Math.floor((n + 1) * p));
            long reach = (long) Math.ceil(SPREAD * sd) + 2;
            long lo = Math.max(0, mode - reach);
            long hi = Math.min(n, mode + reach);
            fill(n, p, mode, lo, hi);
            // One pass over lo..hi, keeping d = 100·j − pct·n for the nearest pct without dividing: a step of
            // j adds 100 (at most n), and pct moves up when d passes n/2.
            int pct = WholePercent.nearest(lo, n);
            long d = 100 * lo - pct * n;
            double sum = 0;
            double q = 0;
            int open = WholePercent.NONE;
            for (long j = lo; j <= hi; j++, d += 100) {
                if (2 * d > n) {
                    pct++;
                    d -= n;
                }
                if (d >= -50 && d <= 50) {
                    if (pct != open) {
                        size = close(open, q, sum, size);
                        sum += q;
                        q = 0;
                        open = pct;
                    }
                    q += pmf[(int) (j - lo)];
                }
            }
            size = close(open, q, sum, size);
        }

        /** Records window {@code pct} with mass q after {@code before}; returns the new size. */
        private int close(int pct, double q, double before, int at) {
            if (pct == WholePercent.NONE || q <= 0) return at;
            percent[at] = pct;
            cumulative[at] = before + q;
            return at + 1;
        }

        /** pmf[j - lo] = P(X = j) for X ~ Binomial(n, p), lo ≤ j ≤ hi, by the ratio recurrence from the mode. */
        private void fill(long n, double p, long mode, long lo, long hi) {
            int len = (int) (hi - lo + 1);
            if (pmf.length < len) {
                pmf = new double[Math.max(len, 2 * pmf.length)];
            }
            double logMode = Gamma.logGamma(n + 1.0)
                    - Gamma.logGamma(mode + 1.0)
                    - Gamma.logGamma(n - mode + 1.0)
                    + mode * Math.log(p)
                    + (n - mode) * Math.log1p(-p);
            double odds = p / (1 - p);
            int m = (int) (mode - lo);
            pmf[m] = Math.exp(logMode);
            double inverseOdds = 1 / odds;
            for (long j = mode; j < hi; j++) {
                pmf[(int) (j + 1 - lo)] = pmf[(int) (j - lo)] * ((n - j) * inverse(j + 1)) * odds;
            }
            for (long j = mode; j > lo; j--) {
                pmf[(int) (j - 1 - lo)] = pmf[(int) (j - lo)] * (j * inverse(n - j + 1)) * inverseOdds;
            }
        }
    }
}
