package org.veritally.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.veritally.image.Examination;
import org.veritally.image.Limits;
import org.veritally.image.Photo;

/**
 * Photos examined per second ({@link Photo#examine}: sniff, SHA-256, decode, EXIF, upright public JPEG,
 * dHash) on a generated photo of a tally sheet: 2048 × 1536 (3.1 MP) by default, with seeded sensor noise
 * so that the JPEG is as large as a phone's (about 2-3 MB at quality 0.95), on one thread and on two.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PhotoBench -f 1 -wi 2 -i 3}; {@code -p
 * megapixels=12} for a 4000 × 3000 photo.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PhotoBench {
    @Param({"3"})
    public int megapixels;

    private byte[] photo;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        int width = megapixels >= 12 ? 4000 : 2048;
        int height = megapixels >= 12 ? 3000 : 1536;
        photo = jpeg(sheet(width, height, new SplittableRandom(20261207L)), 0.95f);
        if (!(Photo.examine(photo, Limits.defaults()) instanceof Examination.Examined)) {
            throw new IllegalStateException("the generated photo is refused");
        }
        System.out.printf("photo: %d x %d, %,d bytes%n", width, height, photo.length);
    }

    /** One photo examined on one thread. */
    @Benchmark
    public Examination examine() {
        return Photo.examine(photo, Limits.defaults());
    }

    /** Photos examined by two threads at once (a 2-core instance's uploads). */
    @Benchmark
    @Threads(2)
    public Examination examineOnTwoThreads() {
        return Photo.examine(photo, Limits.defaults());
    }

    private static BufferedImage sheet(int width, int height, SplittableRandom random) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xEDE8DC));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1A1A40));
        int row = height / 14;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, row / 2));
        g.drawString("ACTA DE ESCRUTINIO  MESA 000123", row, row);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, row * 2 / 3));
        for (int i = 0; i < 12; i++) {
            int top = row * 2 + i * row;
            g.drawRect(row / 2, top, width - row, row);
            g.drawString("CANDIDATO " + (i + 1), row, top + row * 3 / 4);
            g.drawString(String.valueOf(random.nextInt(5000)), width * 2 / 3, top + row * 3 / 4);
        }
        g.dispose();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int n = random.nextInt(25) - 12;
            int p = px[i];
            px[i] = (clamp(((p >> 16) & 0xFF) + n) << 16) | (clamp(((p >> 8) & 0xFF) + n) << 8) | clamp((p & 0xFF) + n);
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
