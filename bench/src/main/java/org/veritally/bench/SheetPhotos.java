package org.veritally.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Generated photos of tally sheets, as heavy as a phone's: a drawn sheet with seeded numbers and seeded
 * sensor noise, encoded as JPEG. Two photos from two seeds differ in their numbers and in every pixel's
 * noise, so their bytes and SHA-256 differ. Used by {@link PhotoBench} and, as a corpus of files, by
 * bench/upload-load.sh and bench/crash-loop.sh.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.veritally.bench.SheetPhotos DIR N [MEGAPIXELS]
 * [SEED]} writes {@code DIR/photo-00001.jpg} … for N photos: 3 MP (2048 × 1536) by default, 12 MP (4000 ×
 * 3000) with 12; seed 20261207 by default. At 3 MP each is about 3.0 MB (noise ±24, quality 0.99), at 12 MP
 * about 3.1 MB (noise ±8, quality 0.90), as a phone's 12 MP JPEG is.
 */
public final class SheetPhotos {
    private SheetPhotos() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int megapixels = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261207L;
        Files.createDirectories(dir);
        long bytes = 0;
        for (int i = 1; i <= n; i++) {
            byte[] photo = photo(megapixels, new SplittableRandom(seed * 1_000_003L + i));
            Files.write(dir.resolve(String.format("photo-%05d.jpg", i)), photo);
            bytes += photo.length;
        }
        System.out.printf("%d photos of %d MP, %.2f MB on average, in %s%n", n, megapixels, bytes / 1e6 / n, dir);
    }

    /** A JPEG of a sheet at 3 MP (2048 × 1536) or, for 12 or more, 12 MP (4000 × 3000), about 3 MB either way. */
    public static byte[] photo(int megapixels, SplittableRandom random) {
        boolean large = megapixels >= 12;
        int width = large ? 4000 : 2048;
        int height = large ? 3000 : 1536;
        return large ? jpeg(sheet(width, height, 8, random), 0.90f) : jpeg(sheet(width, height, 24, random), 0.99f);
    }

    /** A sheet of {@code width × height} with noise of ± {@code noise} on every channel of every pixel. */
    public static BufferedImage sheet(int width, int height, int noise, SplittableRandom random) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xEDE8DC));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1A1A40));
        int row = height / 14;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, row / 2));
        g.drawString("ACTA DE ESCRUTINIO  MESA " + String.format("%06d", random.nextInt(1_000_000)), row, row);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, row * 2 / 3));
        for (int i = 0; i < 12; i++) {
            int top = row * 2 + i * row;
            g.drawRect(row / 2, top, width - row, row);
            g.drawString("CANDIDATO " + (i + 1), row, top + row * 3 / 4);
            g.drawString(String.valueOf(random.nextInt(5000)), width * 2 / 3, top + row * 3 / 4);
        }
        g.dispose();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int span = 2 * noise + 1;
        for (int i = 0; i < px.length; i++) {
            int n = random.nextInt(span) - noise;
            int p = px[i];
            px[i] = (clamp(((p >> 16) & 0xFF) + n) << 16) | (clamp(((p >> 8) & 0xFF) + n) << 8) | clamp((p & 0xFF) + n);
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** {@code img} as a baseline JPEG of the given quality (0–1). */
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
}
