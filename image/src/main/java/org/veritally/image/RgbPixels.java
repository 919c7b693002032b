package org.veritally.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Any decoded image as opaque 8-bit sRGB in a {@code TYPE_3BYTE_BGR} image with its own packed
 * {@code byte[]} (B, G, R per pixel, row by row), the one shape the orientation, the public copy and the
 * hash work on. It is the shape the JDK's JPEG reader decodes to, so a JPEG's pixels are taken as they
 * are, and the one its writer encodes natively (about five times faster than from packed ints).
 * Transparency is composited over white (a sheet is white paper). Grey images are copied sample by
 * sample: Java2D treats their colour space as linear and would lighten them if drawn. Pure and
 * thread-safe.
 */
final class RgbPixels {
    private static final int[] BGR_OFFSETS = {2, 1, 0};

    private RgbPixels() {}

    static BufferedImage of(BufferedImage src) {
        if (packed(src)) return src;
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
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

    /** The B, G, R bytes of an image {@link #of} returned, row by row, 3 × width per row. */
    static byte[] data(BufferedImage bgr) {
        return ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    }

    /** Whether {@code img} is a whole 3BYTE_BGR image whose buffer is exactly its pixels. */
    private static boolean packed(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) return false;
        Raster r = img.getRaster();
        return r.getSampleModelTranslateX() == 0
                && r.getSampleModelTranslateY() == 0
                && r.getParent() == null
                && r.getDataBuffer().getNumBanks() == 1
                && r.getDataBuffer().getOffset() == 0
                && r.getDataBuffer().getSize() == 3 * img.getWidth() * img.getHeight()
                && r.getSampleModel() instanceof PixelInterleavedSampleModel m
                && m.getPixelStride() == 3
                && m.getScanlineStride() == 3 * img.getWidth()
                && Arrays.equals(m.getBandOffsets(), BGR_OFFSETS);
    }

    private static void copyGrey(Raster raster, int bits, boolean alpha, byte[] out, int w, int h) {
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
                int at = 3 * (y * w + x);
                out[at] = (byte) v;
                out[at + 1] = (byte) v;
                out[at + 2] = (byte) v;
            }
        }
    }
}
