package org.veritally.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.file.FileTypeDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.jfif.JfifDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.ExifSegments;
import org.veritally.testkit.SheetPictures;

/**
 * A JPEG carrying EXIF (device, serial, GPS), XMP, an ICC profile and a comment: the EXIF is read
 * privately, and the public copy carries none of it, is upright and is the same bytes every time.
 */
class PublicCopyTest {
    private static final double LAT = -12.046374;
    private static final double LON = -77.042793;

    static byte[] witnessPhoto(int orientation) {
        byte[] plain = SheetPictures.jpeg(SheetPictures.sheet(400, 300, "ST-7", new int[] {310, 122, 45}, 7), 0.9f);
        return ExifSegments.afterSoi(
                plain,
                ExifSegments.exif(LAT, LON, orientation),
                ExifSegments.xmp("12,2.7824S"),
                ExifSegments.icc(),
                ExifSegments.comment());
    }

    @Test
    void theExifIsReadDeviceSerialCaptureTimeGpsAndOrientation() {
        var e = (Examination.Examined) Photo.examine(witnessPhoto(1), Limits.defaults());
        Exif exif = e.exif();
        assertThat(exif.make()).contains(ExifSegments.MAKE);
        assertThat(exif.model()).contains(ExifSegments.MODEL);
        assertThat(exif.serial()).contains(ExifSegments.SERIAL);
        assertThat(exif.captured()).contains(LocalDateTime.of(2026, 6, 7, 18, 42, 5));
        assertThat(exif.capturedOffset()).contains(ZoneOffset.ofHours(-5));
        assertThat(exif.position().orElseThrow().latitude()).isCloseTo(LAT, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(exif.position().orElseThrow().longitude()).isCloseTo(LON, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(exif.orientation()).isEqualTo(1);
    }

    @Test
    void theOriginalCarriesTheMetadataThePublicCopyDropsSoTheTestIsNotVacuous() throws Exception {
        Metadata original = ImageMetadataReader.readMetadata(new ByteArrayInputStream(witnessPhoto(1)));
        assertThat(original.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
        assertThat(original.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).isNotNull();
        assertThat(original.getFirstDirectoryOfType(XmpDirectory.class)).isNotNull();
        assertThat(original.getFirstDirectoryOfType(IccDirectory.class)).isNotNull();
        assertThat(original.getFirstDirectoryOfType(JpegCommentDirectory.class)).isNotNull();
        assertThat(contains(witnessPhoto(1), "GPSLatitude")).isTrue();
    }

    @Test
    void thePublicCopyHasNoExifGpsXmpIccOrCommentParsedBack() throws Exception {
        byte[] copy = publicCopy(witnessPhoto(6));
        Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(copy));
        List<String> directories = new ArrayList<>();
        m.getDirectories().forEach(d -> directories.add(d.getClass().getSimpleName()));
        assertThat(m.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(m.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(m.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).isNull();
        assertThat(m.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
        assertThat(m.getFirstDirectoryOfType(IccDirectory.class)).isNull();
        assertThat(m.getFirstDirectoryOfType(JpegCommentDirectory.class)).isNull();
        assertThat(m.getFirstDirectoryOfType(JfifDirectory.class)).isNull();
        // what is left: the frame header (JpegDirectory), the Huffman tables and the file type
        assertThat(directories)
                .allMatch(d -> List.of(
                                JpegDirectory.class.getSimpleName(),
                                "HuffmanTablesDirectory",
                                FileTypeDirectory.class.getSimpleName())
                        .contains(d));
    }

    @Test
    void thePublicCopyHoldsNoneOfTheMetadataStrings() {
        byte[] copy = publicCopy(witnessPhoto(1));
        for (String s : List.of(
                "Exif",
                "GPSLatitude",
                "12,2.7824S",
                "http://ns.adobe.com",
                "ICC_PROFILE",
                "JFIF",
                ExifSegments.MAKE,
                ExifSegments.MODEL,
                ExifSegments.SERIAL,
                ExifSegments.COMMENT,
                "2026:06:07")) {
            assertThat(contains(copy, s)).as(s).isFalse();
        }
    }

    @Test
    void thePublicCopyIsOnlyFrameTablesAndScanMarkers() {
        byte[] copy = publicCopy(witnessPhoto(3));
        List<Integer> markers = markers(copy);
        assertThat(markers.get(0)).isEqualTo(0xD8);
        assertThat(markers).allMatch(m -> m == 0xD8 || m == 0xDB || m == 0xC0 || m == 0xC4 || m == 0xDA);
        assertThat(copy[copy.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(copy[copy.length - 1] & 0xFF).isEqualTo(0xD9);
    }

    @Test
    void thePublicCopyIsTheSameBytesEveryTime() {
        byte[] photo = witnessPhoto(6);
        assertThat(publicCopy(photo)).isEqualTo(publicCopy(photo));
    }

    @Test
    void orientationSixIsTurnedClockwiseIntoTheCopy() {
        // a 40 x 20 image, black in its top-left corner, stored on its side (orientation 6: turn 90° clockwise)
        BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) for (int x = 0; x < 40; x++) stored.setRGB(x, y, x < 10 && y < 10 ? 0 : 0xFFFFFF);
        byte[] photo = ExifSegments.afterSoi(SheetPictures.jpeg(stored, 0.95f), ExifSegments.exif(0, 0, 6));
        var e = (Examination.Examined) Photo.examine(photo, Limits.defaults());
        Picture p = e.picture().orElseThrow();
        assertThat(p.width()).isEqualTo(20);
        assertThat(p.height()).isEqualTo(40);
        BufferedImage upright = SheetPictures.decode(p.publicCopy());
        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(upright.getRGB(15, 5) & 0xFF).as("top right is black").isLessThan(60);
        assertThat(upright.getRGB(5, 5) & 0xFF).as("top left is white").isGreaterThan(200);
    }

    @Test
    void everyOrientationPutsTheStoredRowZeroAndColumnZeroWhereExifSays() {
        int w = 30;
        int h = 20;
        BufferedImage rgb = RgbPixels.of(SheetPictures.sheet(w, h, "S", new int[] {1}, 3));
        for (int o = 1; o <= 8; o++) {
            BufferedImage up = Orientation.upright(rgb, o);
            AffineTransform t = displayed(o, w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    Point2D d = t.transform(new Point2D.Double(x + 0.5, y + 0.5), null);
                    assertThat(up.getRGB((int) d.getX(), (int) d.getY()))
                            .as("orientation %d, stored (%d, %d)", o, x, y)
                            .isEqualTo(rgb.getRGB(x, y));
                }
            }
        }
    }

    /**
     * Where a stored point is displayed, from the words of Exif 2.32 table 4 ("the 0th row is the visual
     * right-hand side, the 0th column the visual top" for 6, …), as x' = m00 x + m01 y + m02, y' = m10 x +
     * m11 y + m12.
     */
    private static AffineTransform displayed(int o, int w, int h) {
        return switch (o) {
            case 1 -> new AffineTransform(1, 0, 0, 1, 0, 0);
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // row 0 top, column 0 right
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // row 0 bottom, column 0 right
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // row 0 bottom, column 0 left
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // row 0 left, column 0 top
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // row 0 right, column 0 top
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // row 0 right, column 0 bottom
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: row 0 left, column 0 bottom
        };
    }

    @Test
    void greyImagesKeepTheirGreyLevels() {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 16; x++)
            for (int y = 0; y < 16; y++) grey.getRaster().setSample(x, y, 0, x * 16);
        assertThat(RgbPixels.of(grey).getRGB(8, 3) & 0xFFFFFF).isEqualTo(0x808080);
        var e = (Examination.Examined) Photo.examine(SheetPictures.png(grey), Limits.defaults());
        BufferedImage copy = SheetPictures.decode(e.picture().orElseThrow().publicCopy());
        assertThat(copy.getRGB(8, 3) & 0xFF).isBetween(0x78, 0x88);
    }

    @Test
    void transparencyIsCompositedOverWhitePaper() {
        BufferedImage argb = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < 16; x++) for (int y = 0; y < 16; y++) argb.setRGB(x, y, x < 8 ? 0x00000000 : 0xFF000000);
        var e = (Examination.Examined) Photo.examine(SheetPictures.png(argb), Limits.defaults());
        BufferedImage copy = SheetPictures.decode(e.picture().orElseThrow().publicCopy());
        assertThat(copy.getRGB(2, 8) & 0xFF).as("transparent is white").isGreaterThan(240);
        assertThat(copy.getRGB(13, 8) & 0xFF).as("opaque black stays black").isLessThan(15);
    }

    static byte[] publicCopy(byte[] photo) {
        var e = (Examination.Examined) Photo.examine(photo, Limits.defaults());
        return e.picture().orElseThrow().publicCopy();
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** The markers of a JPEG up to its first scan (ITU-T T.81 §B.1.1.2: FF, code, 2-byte length). */
    private static List<Integer> markers(byte[] jpeg) {
        List<Integer> out = new ArrayList<>(List.of(0xD8));
        int at = 2;
        while (at + 4 <= jpeg.length) {
            int code = jpeg[at + 1] & 0xFF;
            out.add(code);
            if (code == 0xDA) break;
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return out;
    }
}
