package org.veritally.image.qr;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * An 8-bit luminance image, one byte a pixel, row by row: what every QR attempt works on. Converting a photo
 * once, and halving it with a 2×2 box filter (each output pixel the mean of the four it covers, so edges
 * stay clean where nearest-neighbour would alias), is much cheaper than letting ZXing convert each attempt.
 *
 * <p>Immutable once built (the pixel array is never handed out); safe to share between threads.
 */
public final class GrayImage {
    private final int width;
    private final int height;
    private final byte[] pixels;

    private GrayImage(int width, int height, byte[] pixels) {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException(
                    "a " + width + "x" + height + " image needs " + width * height + " bytes, not " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** A copy of {@code pixels}, row by row, one byte (0 black .. 255 white) a pixel. */
    public static GrayImage of(int width, int height, byte[] pixels) {
        return new GrayImage(width, height, pixels.clone());
    }

    /** The luminance of {@code image}: band 0 of a one-band raster, else (R + 2G + B) / 4, as ZXing weighs it. */
    public static GrayImage of(BufferedImage image) {
        return of(image.getRaster(), image.getType() == BufferedImage.TYPE_BYTE_GRAY, image);
    }

    /**
     * The luminance of a raster: its band 0 when {@code firstBandIsLuminance} (a gray image, or the Y band of a
     * JPEG read without colour conversion), else the colours of {@code image}.
     */
    static GrayImage of(Raster raster, boolean firstBandIsLuminance, BufferedImage image) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        byte[] out = new byte[w * h];
        if (firstBandIsLuminance || raster.getNumBands() == 1) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
                int shift = raster.getSampleModel().getSampleSize(0) - 8;
                for (int x = 0; x < w; x++) out[y * w + x] = (byte) (shift > 0 ? row[x] >> shift : row[x]);
            }
        } else if (raster.getNumBands() >= 3
                && raster.getTransferType() == DataBuffer.TYPE_BYTE
                && image != null
                && image.getColorModel().getColorSpace().isCS_sRGB()) {
            int bands = raster.getNumBands();
            int[] row = new int[w * bands];
            for (int y = 0; y < h; y++) {
                raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
                for (int x = 0, i = 0; x < w; x++, i += bands) {
                    out[y * w + x] = (byte) ((row[i] + 2 * row[i + 1] + row[i + 2]) >> 2);
                }
            }
        } else {
            if (image == null) throw new IllegalArgumentException("a colour raster needs its image");
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    out[y * w + x] = (byte) ((((p >> 16) & 0xff) + 2 * ((p >> 8) & 0xff) + (p & 0xff)) >> 2);
                }
            }
        }
        return new GrayImage(w, h, out);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The luminance at (x, y), 0..255. */
    public int at(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    /** Half the width and height (rounded down), each pixel the mean of a 2×2 block. */
    public GrayImage halved() {
        int w = Math.max(1, width / 2);
        int h = Math.max(1, height / 2);
        if (width < 2 || height < 2) return this;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int a = 2 * y * width;
            int b = a + width;
            int o = y * w;
            for (int x = 0; x < w; x++, a += 2, b += 2) {
                int sum = (pixels[a] & 0xff) + (pixels[a + 1] & 0xff) + (pixels[b] & 0xff) + (pixels[b + 1] & 0xff);
                out[o + x] = (byte) ((sum + 2) >> 2);
            }
        }
        return new GrayImage(w, h, out);
    }

    /** Turned clockwise by {@code degrees}: 0, 90, 180 or 270. */
    public GrayImage rotated(int degrees) {
        switch (degrees) {
            case 0:
                return this;
            case 180: {
                byte[] out = new byte[pixels.length];
                for (int i = 0, n = pixels.length; i < n; i++) out[n - 1 - i] = pixels[i];
                return new GrayImage(width, height, out);
            }
            case 90:
            case 270: {
                byte[] out = new byte[pixels.length];
                int h = width;
                int w = height;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        // clockwise: (x, y) goes to (height-1-y, x); anticlockwise: (y, width-1-x)
                        int nx = degrees == 90 ? height - 1 - y : y;
                        int ny = degrees == 90 ? x : width - 1 - x;
                        out[ny * w + nx] = pixels[y * width + x];
                    }
                }
                return new GrayImage(w, h, out);
            }
            default:
                throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270 degrees, not " + degrees);
        }
    }

    /** ZXing's view of the part of this image that {@code region} covers; no copy. */
    LuminanceSource luminance(Region region) {
        int left = (int) Math.floor(region.left() * width);
        int top = (int) Math.floor(region.top() * height);
        int w = Math.max(1, Math.min(width - left, (int) Math.round(region.width() * width)));
        int h = Math.max(1, Math.min(height - top, (int) Math.round(region.height() * height)));
        return new PlanarYUVLuminanceSource(pixels, width, height, left, top, w, h, false);
    }
}
