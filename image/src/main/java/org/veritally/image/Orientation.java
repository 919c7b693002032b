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
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] src = RgbPixels.data(rgb);
        int[] dst = RgbPixels.data(out);
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> {
                        sx = w - 1 - x;
                        sy = y;
                    }
                    case 3 -> {
                        sx = w - 1 - x;
                        sy = h - 1 - y;
                    }
                    case 4 -> {
                        sx = x;
                        sy = h - 1 - y;
                    }
                    case 5 -> {
                        sx = y;
                        sy = x;
                    }
                    case 6 -> {
                        sx = y;
                        sy = h - 1 - x;
                    }
                    case 7 -> {
                        sx = w - 1 - y;
                        sy = h - 1 - x;
                    }
                    case 8 -> {
                        sx = w - 1 - y;
                        sy = x;
                    }
                    default -> throw new IllegalArgumentException("orientation " + orientation);
                }
                dst[y * ow + x] = src[sy * w + sx];
            }
        }
        return out;
    }
}
