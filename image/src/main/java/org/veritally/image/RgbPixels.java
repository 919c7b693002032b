package org.veritally.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Any decoded image as opaque 8-bit sRGB in a {@code TYPE_INT_RGB} image with its own packed
 * {@code int[]}, the one shape the orientation, the public copy and the hash work on. Transparency is
 * composited over white (a sheet is white paper). Grey images are copied sample by sample: Java2D treats
 * their colour space as linear and would lighten them if drawn. Pure and thread-safe.
 */
final class RgbPixels {
    private RgbPixels() {}

    static BufferedImage of(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var cm = src.getColorModel();
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            copyGrey(src.getRaster(), cm.getComponentSize(0), cm.hasAlpha(), data(out), w, h);
            return out;
        }
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The packed RGB pixels of an image this package made, row by row. */
    static int[] data(BufferedImage rgb) {
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }

    private static void copyGrey(Raster raster, int bits, boolean alpha, int[] out, int w, int h) {
        int shift = Math.max(0, bits - 8);
        int alphaShift = alpha ? Math.max(0, raster.getSampleModel().getSampleSize(1) - 8) : 0;
        int[] row = new int[w];
        int[] alphaRow = alpha ? new int[w] : null;
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            if (alpha) raster.getSamples(0, y, w, 1, 1, alphaRow);
            for (int x = 0; x < w; x++) {
                int v = row[x] >>> shift;
                if (alpha) {
                    int a = alphaRow[x] >>> alphaShift;
                    v = (v * a + 255 * (255 - a) + 127) / 255;
                }
                out[y * w + x] = (v << 16) | (v << 8) | v;
            }
        }
    }
}
