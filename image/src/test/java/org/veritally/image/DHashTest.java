package org.veritally.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;
import org.veritally.testkit.SheetPictures;

/**
 * The perceptual hash: the same sheet re-encoded, scaled and brightened is near; different sheets are
 * not; and the box-average hash agrees with a naive reference on seeded random images.
 */
class DHashTest {
    private static final BufferedImage SHEET =
            SheetPictures.sheet(1200, 900, "ST-0101", new int[] {4512, 3877, 210, 95}, 11);

    @Test
    void theSameSheetReencodedAtQuality40ScaledToHalfAndBrightenedIsNear() {
        long original = hash(SheetPictures.jpeg(SHEET, 0.9f));
        BufferedImage variant = brighten(half(SHEET), 1.12);
        long altered = hash(SheetPictures.jpeg(variant, 0.4f));
        int d = DHash.distance(original, altered);
        System.out.println("dHash distance, same sheet altered: " + d);
        assertThat(d).isLessThanOrEqualTo(DHash.NEAR);
        assertThat(DHash.near(original, altered)).isTrue();
    }

    @Test
    void differentSheetsAreNotNear() {
        long[] hashes = {
            hash(SheetPictures.jpeg(SHEET, 0.9f)),
            hash(SheetPictures.jpeg(SheetPictures.sheet(1200, 900, "ST-2290", new int[] {903, 1, 5555}, 13), 0.9f)),
            hash(SheetPictures.jpeg(SheetPictures.sheet(1200, 900, "ST-9", new int[] {12, 48}, 14), 0.9f)),
            hash(SheetPictures.jpeg(SheetPictures.sheet(1200, 900, "ST-31", new int[] {1, 2, 3, 4, 5, 6}, 15), 0.9f))
        };
        for (int i = 0; i < hashes.length; i++) {
            for (int j = i + 1; j < hashes.length; j++) {
                int d = DHash.distance(hashes[i], hashes[j]);
                System.out.println("dHash distance, sheets " + i + " and " + j + ": " + d);
                assertThat(d).as("sheets %d and %d", i, j).isGreaterThan(DHash.NEAR);
            }
        }
    }

    /**
     * The documented limit (docs/evidence.md): two sheets of one form, aligned alike, that differ only in
     * their handwritten digits, differ in a few cells of the 9 × 8 grid, so a 64-bit global hash may call
     * them near. The hash flags a photo used twice, for review; it does not tell sheets apart.
     */
    @Test
    void sheetsOfOneFormAlignedAlikeThatDifferOnlyInTheirDigitsMayBeNear() {
        long a = hash(SheetPictures.jpeg(SHEET, 0.9f));
        long b = hash(
                SheetPictures.jpeg(SheetPictures.sheet(1200, 900, "ST-0102", new int[] {77, 6310, 1402, 8}, 12), 0.9f));
        int d = DHash.distance(a, b);
        System.out.println("dHash distance, one form, other digits: " + d);
        assertThat(d).isPositive().isLessThanOrEqualTo(DHash.NEAR);
    }

    @Test
    void theHashIsThatOfTheNaiveReferenceOnSeededRandomImages() {
        SplittableRandom random = new SplittableRandom(Seeds.seed("DHashTest", 0x5EED_D4A5L));
        for (int n = 0; n < 50; n++) {
            int w = 9 + random.nextInt(200);
            int h = 8 + random.nextInt(200);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, random.nextInt(1 << 24));
            assertThat(DHash.of(RgbPixels.of(img))).as("%d x %d", w, h).isEqualTo(reference(img));
        }
    }

    @Test
    void distanceCountsDifferingBits() {
        assertThat(DHash.distance(0L, 0L)).isZero();
        assertThat(DHash.distance(0L, -1L)).isEqualTo(64);
        assertThat(DHash.distance(0b1011L, 0b0010L)).isEqualTo(2);
    }

    /** Krawetz's steps as written: 9 × 8 cells of mean grey, then left brighter than right, row-major. */
    private static long reference(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        double[][] mean = new double[8][9];
        int[][] count = new int[8][9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int grey = (77 * ((p >> 16) & 0xFF) + 150 * ((p >> 8) & 0xFF) + 29 * (p & 0xFF)) >> 8;
                int r = (int) Math.floor(y * 8.0 / h);
                int c = (int) Math.floor(x * 9.0 / w);
                mean[r][c] += grey;
                count[r][c]++;
            }
        }
        long hash = 0;
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                hash = (hash << 1) | (mean[r][c] / count[r][c] > mean[r][c + 1] / count[r][c + 1] ? 1 : 0);
            }
        }
        return hash;
    }

    private static long hash(byte[] jpeg) {
        var e = (Examination.Examined) Photo.examine(jpeg, Limits.defaults());
        return e.picture().orElseThrow().perceptualHash();
    }

    private static BufferedImage half(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth() / 2, img.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    private static BufferedImage brighten(BufferedImage img, double factor) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int r = SheetPictures.clamp((int) Math.round(((p >> 16) & 0xFF) * factor));
                int g = SheetPictures.clamp((int) Math.round(((p >> 8) & 0xFF) * factor));
                int b = SheetPictures.clamp((int) Math.round((p & 0xFF) * factor));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }
}
