package org.veritally.core.reconcile;

/**
 * The key of one source's copy of one station × contest, packed into a long: the station's
 * catalogue index (31 bits), the contest's index in the election (16 bits) and the source's
 * declaration index (16 bits). The one place the packing is written; the copies of one station ×
 * contest are adjacent in key order.
 */
public final class CopyKey {
    private CopyKey() {}

    public static long of(int station, int contest, int source) {
        if (station < 0 || contest < 0 || source < 0 || contest > 0xFFFF || source > 0xFFFF) {
            throw new IllegalArgumentException("copy key out of range " + station + "/" + contest + "/" + source);
        }
        return ((long) station << 32) | ((long) contest << 16) | source;
    }

    public static int station(long key) {
        return (int) (key >>> 32);
    }

    public static int contest(long key) {
        return (int) ((key >>> 16) & 0xFFFF);
    }

    public static int source(long key) {
        return (int) (key & 0xFFFF);
    }

    /** The key with the source bits cleared: equal for every copy of one station × contest. */
    public static long group(long key) {
        return key & ~0xFFFFL;
    }
}
