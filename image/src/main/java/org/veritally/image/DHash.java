package org.veritally.image;

import java.awt.image.BufferedImage;

/**
 * A 64-bit difference hash (dHash) as N. Krawetz describes it in "Kind of Like That" (The Hacker Factor
 * Blog, 21 January 2013, hackerfactor.com/blog/index.php?/archives/529-Kind-of-Like-That.html): reduce
 * the image to 9 × 8 grey pixels, then for each of the 8 rows compare each pixel with its right-hand
 * neighbour, one bit per pair, 1 where the left one is brighter. Here the reduction is a box average over
 * all pixels (each pixel counted in the cell its position falls in) of the Rec. 601 luma, which makes
 * the hash independent of scale and of JPEG noise; bit 63 is row 0, pair 0, row-major.
 *
 * <p>Krawetz reads a distance of 0 as the same picture, up to 10 as probably a variation of it, more as
 * different; {@link #NEAR} follows him. Two photos of different sheets of the same form can be near: the
 * hash flags a re-upload of one photo for review, it does not identify a sheet. Pure and thread-safe.
 */
public final class DHash {
    /** The greatest Hamming distance at which two hashes are near duplicates. */
    public static final int NEAR = 10;

    private static final int COLS = 9;
    private static final int ROWS = 8;

    private DHash() {}

    /** The hash of a {@link RgbPixels} image. */
    static long of(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        byte[] pixels = RgbPixels.data(rgb);
        int[] cellOfX = new int[w];
        for (int x = 0; x < w; x++) cellOfX[x] = (int) ((long) x * COLS / w);
        long[] sum = new long[COLS * ROWS];
        long[] count = new long[COLS * ROWS];
        for (int y = 0; y < h; y++) {
            int rowBase = (int) ((long) y * ROWS / h) * COLS;
            int at = 3 * y * w;
            for (int x = 0; x < w; x++, at += 3) {
                int luma =
                        (29 * (pixels[at] & 0xFF) + 150 * (pixels[at + 1] & 0xFF) + 77 * (pixels[at + 2] & 0xFF)) >> 8;
                int cell = rowBase + cellOfX[x];
                sum[cell] += luma;
                count[cell]++;
            }
        }
        long hash = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS - 1; c++) {
                int left = r * COLS + c;
                // compare means without dividing: sum[l]/count[l] > sum[r]/count[r]
                boolean brighter = sum[left] * count[left + 1] > sum[left + 1] * count[left];
                hash = (hash << 1) | (brighter ? 1 : 0);
            }
        }
        return hash;
    }

    /** The number of bits in which two hashes differ, 0 to 64. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Whether two hashes are at most {@link #NEAR} apart. */
    public static boolean near(long a, long b) {
        return distance(a, b) <= NEAR;
    }
}
