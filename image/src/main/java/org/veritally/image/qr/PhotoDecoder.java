package org.veritally.image.qr;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/**
 * Decodes the bytes of a photo (JPEG, PNG, anything {@code javax.imageio} reads) straight to luminance,
 * optionally subsampled. Two savings over {@code ImageIO.read}: a large photo can be read subsampled (a
 * 12 MP JPEG as 3 MP, every second pixel of every second row, which the JPEG decoder does while decoding),
 * and a YCbCr JPEG is read without colour conversion, keeping only its Y band, which is the luminance.
 *
 * <p>Stateless; safe to call from several threads.
 */
public final class PhotoDecoder {
    /** The long side, in pixels, that a photo is subsampled towards before the first attempts. */
    public static final int WORKING_LONG_SIDE = 2048;

    private PhotoDecoder() {}

    /**
     * A decoded photo.
     *
     * @param image its luminance
     * @param subsampling 1 at full resolution, n when every n-th pixel of every n-th row was read
     * @param fullWidth the photo's width at full resolution
     * @param fullHeight the photo's height at full resolution
     */
    public record Decoded(GrayImage image, int subsampling, int fullWidth, int fullHeight) {}

    /** The subsampling that brings a photo's long side nearest {@link #WORKING_LONG_SIDE}, at least 1. */
    public static int subsamplingFor(int width, int height) {
        return Math.max(1, (int) Math.round(Math.max(width, height) / (double) WORKING_LONG_SIDE));
    }

    /**
     * Decodes {@code photo}, subsampled by {@code subsampling}, or by {@link #subsamplingFor} when it is 0.
     *
     * @throws IOException when the bytes are not an image that {@code javax.imageio} can read
     */
    public static Decoded decode(byte[] photo, int subsampling) throws IOException {
        if (subsampling < 0) throw new IllegalArgumentException("subsampling must be 0 (automatic) or more");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("not an image format javax.imageio reads");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                int s = subsampling == 0 ? subsamplingFor(w, h) : subsampling;
                ImageReadParam param = reader.getDefaultReadParam();
                if (s > 1) param.setSourceSubsampling(s, s, 0, 0);
                if (reader.canReadRaster() && "jpeg".equalsIgnoreCase(reader.getFormatName())) {
                    String space = colourSpace(reader.getImageMetadata(0));
                    if (space.equals("YCbCr") || space.equals("GRAY")) {
                        Raster raw = reader.readRaster(0, param);
                        return new Decoded(GrayImage.of(raw, true, null), s, w, h);
                    }
                }
                BufferedImage image = reader.read(0, param);
                return new Decoded(GrayImage.of(image), s, w, h);
            } catch (RuntimeException e) {
                // javax.imageio reports some corrupt streams with unchecked exceptions
                throw new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The colour space the image's standard metadata names ({@code YCbCr}, {@code GRAY}, {@code RGB}…). */
    private static String colourSpace(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) return "";
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        NodeList nodes = root.getElementsByTagName("ColorSpaceType");
        if (nodes.getLength() == 0) return "";
        return ((IIOMetadataNode) nodes.item(0)).getAttribute("name");
    }
}
