package org.veritally.core.audit.risk;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The audit's draws, with replacement, from the public pseudo-random stream of Rivest's sampler: draw j (j =
 * 1, 2, ...) is the integer H_j = SHA-256(UTF-8(seed + "," + j)) read big-endian, the same ticket as the quick
 * count's {@code org.veritally.stats.quickcount.ConsistentSampler#ticket} with the draw number in place of a
 * station id (R. L. Rivest, sampler.py, 2011,
 * and "Consistent sampling with replacement", 2018, arXiv:1808.10016). Draw j depends on the seed and j only,
 * so a later round takes draws n+1.. and never changes the earlier ones.
 *
 * <ul>
 *   <li>{@link #ppeb}: batch j is the first batch whose cumulative error bound exceeds x_j U, where x_j =
 *       floor(H_j / 2^203) / 2^53 is the top 53 bits of H_j as a fraction in [0, 1) (PPEB, Stark 2009);
 *   <li>{@link #ballots}: ballot j is position H_j mod B of the B ballots of the manifest, in batch order,
 *       which is the ballot (H_j mod B) - (ballots of the batches before it) + 1 of its batch.
 * </ul>
 *
 * <p>Both are reproducible in a few lines of any language. Stateless and thread-safe.
 */
public final class AuditSampler {
    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

    private AuditSampler() {}

    /** H_j as a nonnegative integer. */
    public static BigInteger stream(String seed, long j) {
        return new BigInteger(1, new Hasher(seed).hash(j));
    }

    /** x_j: the top 53 bits of H_j as a fraction in [0, 1). */
    public static double fraction(String seed, long j) {
        return fraction(new Hasher(seed).hash(j));
    }

    private static double fraction(byte[] h) {
        long top = 0;
        for (int i = 0; i < 8; i++) top = (top << 8) | (h[i] & 0xff);
        return (top >>> 11) * TWO_TO_MINUS_53;
    }

    /** H_j mod m, exact; in long arithmetic while m &lt; 2^55. */
    private static long mod(byte[] h, long m) {
        if (m >= (1L << 55))
            return new BigInteger(1, h).mod(BigInteger.valueOf(m)).longValueExact();
        long r = 0;
        for (byte b : h) r = ((r << 8) | (b & 0xff)) % m;
        return r;
    }

    /** SHA-256(seed "," j), with one digest reused for a run of draws (the same bytes as the ticket). */
    private static final class Hasher {
        private final MessageDigest digest;
        private final byte[] prefix;

        Hasher(String seed) {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
            prefix = (seed + ",").getBytes(StandardCharsets.UTF_8);
        }

        byte[] hash(long j) {
            digest.update(prefix);
            return digest.digest(Long.toString(j).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Draws {@code from}..{@code to} (inclusive, 1-based) of a PPEB sample: for each, the index of the batch
     * drawn with probability proportional to {@code weights}.
     *
     * @throws IllegalArgumentException if a weight is negative or not finite, the weights sum to zero, or the
     *     range is empty or starts below 1
     */
    public static int[] ppeb(String seed, double[] weights, long from, long to) {
        requireRange(from, to);
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is not a finite nonnegative number");
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) throw new IllegalArgumentException("the weights sum to zero");
        int[] out = new int[Math.toIntExact(to - from + 1)];
        Hasher hasher = new Hasher(seed);
        for (long j = from; j <= to; j++) {
            double target = fraction(hasher.hash(j)) * sum;
            out[(int) (j - from)] = firstAbove(cumulative, target);
        }
        return out;
    }

    /**
     * Draws {@code from}..{@code to} of a uniform sample of ballots with replacement from a manifest of
     * {@code ballotsPerBatch}.
     *
     * @return for each draw, {batch index, 1-based ballot number within the batch}
     * @throws IllegalArgumentException if a count is negative, the manifest is empty or the range is bad
     */
    public static long[][] ballots(String seed, long[] ballotsPerBatch, long from, long to) {
        requireRange(from, to);
        long[] cumulative = new long[ballotsPerBatch.length];
        long sum = 0;
        for (int i = 0; i < ballotsPerBatch.length; i++) {
            if (ballotsPerBatch[i] < 0) throw new IllegalArgumentException("negative ballots in batch " + i);
            sum = Math.addExact(sum, ballotsPerBatch[i]);
            cumulative[i] = sum;
        }
        if (sum == 0) throw new IllegalArgumentException("the manifest has no ballots");
        long[][] out = new long[Math.toIntExact(to - from + 1)][];
        Hasher hasher = new Hasher(seed);
        for (long j = from; j <= to; j++) {
            long position = mod(hasher.hash(j), sum);
            int batch = Arrays.binarySearch(cumulative, position + 1);
            if (batch < 0) batch = -batch - 1;
            while (batch > 0 && cumulative[batch - 1] >= position + 1) batch--;
            long before = batch == 0 ? 0 : cumulative[batch - 1];
            out[(int) (j - from)] = new long[] {batch, position - before + 1};
        }
        return out;
    }

    static int firstAbove(double[] cumulative, double target) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static void requireRange(long from, long to) {
        if (from < 1 || to < from)
            throw new IllegalArgumentException("draws must be 1 <= from <= to: " + from + ".." + to);
    }
}
