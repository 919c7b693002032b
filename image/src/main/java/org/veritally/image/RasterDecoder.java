package org.veritally.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG, PNG and WebP with javax.imageio (the JDK's readers; TwelveMonkeys' for WebP), reading the
 * dimensions first so that the pixel limit is checked before any pixel is decoded. A reader's warning
 * ("Premature end of JPEG file", "Corrupt JPEG data") refuses the file like an exception does: a
 * truncated photo decodes to a grey band the reader only warns about. Stateless and thread-safe (a reader
 * per call, memory-cached streams: no temporary files).
 */
final class RasterDecoder {
    private RasterDecoder() {}

    static BufferedImage decode(byte[] bytes, MediaType type, Limits limits) throws Refusal {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mime());
        if (!readers.hasNext()) throw new Refusal(ImageRule.EV_DECODE, "no decoder for " + type.mime() + " here");
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1 || width * height > limits.maxPixels()) {
                throw new Refusal(
                        ImageRule.EV_SIZE,
                        "the image is " + width + " x " + height + " pixels, over the limit of " + limits.maxPixels());
            }
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new Refusal(ImageRule.EV_DECODE, type.mime() + " is corrupt: " + warnings.get(0));
            }
            return image;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new Refusal(ImageRule.EV_DECODE, type.mime() + " does not decode: " + why);
        } finally {
            reader.dispose();
        }
    }
}
