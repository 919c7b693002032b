package org.veritally.image;

import java.awt.image.BufferedImage;

/**
 * Applies the EXIF orientation tag (TIFF 6.0 §"Orientation", Exif 2.32 §4.6.4 table 4), so that the
 * public copy is upright without carrying the tag. Value v says where the stored image's 0th row and
 * 0th column are: 1 top-left (as is), 2 top-right (mirror), 3 bottom-right (180°), 4 bottom-left (flip),
 * 5 left-top (transpose), 6 right-top (turn 90° clockwise), 7 right-bottom (transverse), 8 left-bottom
 * (turn 90° counter-clockwise). Pure and thread-safe.
 */
final class Orientation {
    private Orientation() {}

    /** The upright image of {@code rgb} (a {@link RgbPixels} image); {@code rgb} itself for 1. */
    static BufferedImage upright(BufferedImage rgb, int orientation) {
        if (orientation == 1) return rgb;
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_3BYTE_BGR);
        byte[] src = RgbPixels.data(rgb);
        byte[] dst = RgbPixels.data(out);
        for (int y = 0; y < oh; y++) {
            // along a displayed row the stored pixel moves by a constant step
            int from = source(orientation, 0, y, w, h);
            int step = source(orientation, 1, y, w, h) - from;
            for (int x = 0, to = 3 * y * ow; x < ow; x++, to += 3, from += step) {
                dst[to] = src[3 * from];
                dst[to + 1] = src[3 * from + 1];
                dst[to + 2] = src[3 * from + 2];
            }
        }
        return out;
    }

    /** The index (y × w + x) of the stored pixel displayed at (x, y). */
    private static int source(int orientation, int x, int y, int w, int h) {
        return switch (orientation) {
            case 2 -> y * w + (w - 1 - x);
            case 3 -> (h - 1 - y) * w + (w - 1 - x);
            case 4 -> (h - 1 - y) * w + x;
            case 5 -> x * w + y;
            case 6 -> (h - 1 - x) * w + y;
            case 7 -> (h - 1 - x) * w + (w - 1 - y);
            case 8 -> x * w + (w - 1 - y);
            default -> throw new IllegalArgumentException("orientation " + orientation);
        };
    }
}
