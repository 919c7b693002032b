package org.veritally.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * The copy of a photo that may be published: a baseline JPEG encoded from the upright pixels alone, so
 * nothing of the original's metadata can survive (no EXIF, GPS, XMP, ICC profile, comment, maker note,
 * thumbnail). Even the JFIF APP0 segment is left out: the file is SOI, DQT, SOF0, DHT, SOS, EOI (ITU-T
 * T.81 annex B), and three components without JFIF or Adobe markers read as YCbCr everywhere.
 *
 * <p>Quality {@value #QUALITY}: handwritten digits stay sharp at full resolution while a 3 MP photo of a
 * sheet takes a fraction of the original's bytes; below about 0.75 blocking shows around pen strokes.
 * Deterministic: the JDK's writer (chosen by class, so another plug-in on the class path cannot change
 * the bytes) gives the same bytes for the same pixels. Thread-safe (a writer per call).
 */
final class PublicCopy {
    /** The JPEG quality of the public copy (the JDK's scale, 0 to 1, IJG tables scaled). */
    static final float QUALITY = 0.85f;

    static final String MEDIA_TYPE = "image/jpeg";

    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    private PublicCopy() {}

    static byte[] encode(BufferedImage upright) {
        ImageWriter writer = jdkWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(upright), param);
            withoutJfif(metadata);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(upright.getWidth() * upright.getHeight() / 4);
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(upright, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the public copy in memory", e);
        } finally {
            writer.dispose();
        }
    }

    /** Removes the JFIF marker from the writer's default metadata (javax_imageio_jpeg_image_1.0 tree). */
    private static void withoutJfif(IIOMetadata metadata) throws IIOInvalidTreeException {
        Node root = metadata.getAsTree(NATIVE_FORMAT);
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("JPEGvariety")) {
                while (n.hasChildNodes()) n.removeChild(n.getFirstChild());
            }
        }
        metadata.setFromTree(NATIVE_FORMAT, root);
    }

    private static ImageWriter jdkWriter() {
        ImageWriter first = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByMIMEType(MEDIA_TYPE); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg.")) return w;
            if (first == null) first = w;
        }
        if (first == null) throw new IllegalStateException("no JPEG writer in this JVM");
        return first;
    }
}
