package org.veritally.image.qr.corpus;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photographs a sheet in simulation: places it on a darker table turned and keystoned (one projective warp,
 * bilinear), multiplies an uneven light, blurs it (a separable Gaussian), adds sensor
 * noise, tints it if in colour, and saves it as JPEG. Stateless.
 */
public final class PhotoSimulator {
    private PhotoSimulator() {}

    /** The JPEG bytes of a {@code longSide}×{@code shortSide} photo of the sheet carrying {@code payloads}. */
    public static byte[] photograph(List<String> payloads, Distortion d, int longSide, int shortSide, Random random) {
        return jpeg(image(payloads, d, longSide, shortSide, random), d.jpegQuality());
    }

    /** The photo before JPEG compression. */
    static BufferedImage image(List<String> payloads, Distortion d, int longSide, int shortSide, Random random) {
        SheetKind kind = SheetKind.of(payloads.get(0));
        int fw = d.landscape() ? longSide : shortSide;
        int fh = d.landscape() ? shortSide : longSide;
        double theta = Math.toRadians(d.rotationDegrees());
        double cos = Math.abs(Math.cos(theta));
        double sin = Math.abs(Math.sin(theta));
        double boxW = kind.aspect * cos + sin;
        double boxH = kind.aspect * sin + cos;
        double scale = d.fill() * Math.min(fw / boxW, fh / boxH);
        int hs = (int) Math.round(scale);
        int ws = (int) Math.round(scale * kind.aspect);
        BufferedImage sheet = SheetRenderer.render(kind, payloads, hs, random);
        double cx = fw / 2.0 + d.offsetX() * (fw - boxW * scale) / 2;
        double cy = fh / 2.0 + d.offsetY() * (fh - boxH * scale) / 2;
        double[][] corners = {{-ws / 2.0, -hs / 2.0}, {ws / 2.0, -hs / 2.0}, {ws / 2.0, hs / 2.0}, {-ws / 2.0, hs / 2.0}
        };
        int a = d.keystoneEdge();
        int b = (a + 1) % 4;
        boolean horizontalEdge = a % 2 == 0;
        for (int i : new int[] {a, b}) corners[i][horizontalEdge ? 0 : 1] *= 1 - d.keystone();
        double[][] inPhoto = new double[4][];
        double sinT = Math.sin(theta);
        double cosT = Math.cos(theta);
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0];
            double y = corners[i][1];
            inPhoto[i] = new double[] {cx + x * cosT - y * sinT, cy + x * sinT + y * cosT};
        }
        double[][] onSheet = {{0, 0}, {ws - 1, 0}, {ws - 1, hs - 1}, {0, hs - 1}};
        Homography toSheet = Homography.fit(inPhoto, onSheet);
        BufferedImage photo = new BufferedImage(fw, fh, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) photo.getRaster().getDataBuffer()).getData();
        byte[] src = ((DataBufferByte) sheet.getRaster().getDataBuffer()).getData();
        Warp.run(toSheet, src, sheet.getWidth(), sheet.getHeight(), out, fw, fh, d);
        blur(out, fw, fh, d.blurSigma() * Math.max(fw, fh) / 2048.0);
        addNoise(out, d.noise(), random.nextLong());
        return d.colour() ? tinted(photo) : photo;
    }

    /**
     * A separable Gaussian blur of radius 3σ, in 16-bit fixed point on the byte array (ConvolveOp on an 8-bit
     * gray image takes several times longer); edges are left as they are, as {@code EDGE_NO_OP} would.
     */
    private static void blur(byte[] pixels, int w, int h, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        int[] k = new int[2 * radius + 1];
        double[] g = new double[k.length];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) sum += g[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < k.length; i++) k[i] = (int) Math.round(65536 * g[i] / sum);
        byte[] tmp = pixels.clone();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = radius; x < w - radius; x++) {
                int acc = 32768;
                for (int i = 0, j = row + x - radius; i < k.length; i++, j++) acc += k[i] * (pixels[j] & 0xff);
                tmp[row + x] = (byte) Math.min(255, acc >>> 16);
            }
        }
        for (int y = radius; y < h - radius; y++) {
            for (int x = 0; x < w; x++) {
                int acc = 32768;
                for (int i = 0, j = (y - radius) * w + x; i < k.length; i++, j += w) acc += k[i] * (tmp[j] & 0xff);
                pixels[y * w + x] = (byte) Math.min(255, acc >>> 16);
            }
        }
    }

    private static void addNoise(byte[] pixels, int amplitude, long seed) {
        if (amplitude == 0) return;
        long s = seed;
        int span = 2 * amplitude + 1;
        for (int i = 0; i < pixels.length; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            int v = (pixels[i] & 0xff) + (int) ((s >>> 33) % span) - amplitude;
            pixels[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    /** Warm paper under warm light: red as is, green 96 %, blue 86 %. */
    private static BufferedImage tinted(BufferedImage gray) {
        BufferedImage c = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] g = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        byte[] bgr = ((DataBufferByte) c.getRaster().getDataBuffer()).getData();
        for (int i = 0, j = 0; i < g.length; i++, j += 3) {
            int v = g[i] & 0xff;
            bgr[j] = (byte) (v * 86 / 100);
            bgr[j + 1] = (byte) (v * 96 / 100);
            bgr[j + 2] = (byte) v;
        }
        return c;
    }

    /** {@code image} as a baseline JPEG of {@code quality} (0..100), with ImageIO's default 4:2:0 chroma. */
    public static byte[] jpeg(BufferedImage image, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
