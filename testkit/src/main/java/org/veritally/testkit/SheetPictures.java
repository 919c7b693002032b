package org.veritally.testkit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Tally sheets drawn in code (no image files in the repository): a header naming the station, a table of
 * candidates and their counts in large digits, and seeded sensor-like noise; and their JPEG and PNG
 * encodings.
 */
public final class SheetPictures {
    private SheetPictures() {}

    public static BufferedImage sheet(int width, int height, String station, int[] counts, long seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF4F1E8));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x202020));
        int unit = Math.max(1, height / 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, unit * 2));
        g.drawString("ACTA " + station, unit, unit * 3);
        g.setStroke(new BasicStroke(Math.max(1, unit / 8f)));
        int rowHeight = (height - unit * 6) / Math.max(1, counts.length);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(6, rowHeight * 3 / 4)));
        for (int i = 0; i < counts.length; i++) {
            int top = unit * 5 + i * rowHeight;
            g.drawRect(unit, top, width - 2 * unit, rowHeight);
            g.drawString("C" + (i + 1), unit * 2, top + rowHeight * 3 / 4);
            g.drawString(String.valueOf(counts[i]), width / 2, top + rowHeight * 3 / 4);
        }
        g.dispose();
        SplittableRandom random = new SplittableRandom(seed);
        int[] px = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int n = random.nextInt(9) - 4;
            int p = px[i];
            px[i] = (clamp(((p >> 16) & 0xFF) + n) << 16) | (clamp(((p >> 8) & 0xFF) + n) << 8) | clamp((p & 0xFF) + n);
        }
        return img;
    }

    public static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    public static byte[] jpeg(BufferedImage img, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    public static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
