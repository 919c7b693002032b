package org.veritally.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.Problem;
import org.veritally.testkit.SheetPictures;

/** The refusals of {@link Photo#examine}, one rule ID each (EV-SIZE, EV-TYPE, EV-DECODE), and what passes. */
class PhotoRulesTest {
    /**
     * Google's WebP feature-detection images (developers.google.com/speed/webp/faq, "How can I detect
     * browser support for WebP?"): 1 × 1 lossy and lossless.
     */
    static final byte[] WEBP_LOSSY =
            Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 1\n0000000000 65535 f \n"
                    + "trailer\n<< /Size 1 /Root 1 0 R >>\nstartxref\n45\n%%EOF\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    private static final byte[] JPEG =
            SheetPictures.jpeg(SheetPictures.sheet(320, 240, "ST-1", new int[] {120, 75, 9}, 1), 0.9f);

    @Test
    void evSizeForAnEmptyFile() {
        assertThat(rules(Photo.examine(new byte[0], Limits.defaults()))).containsExactly("EV-SIZE");
    }

    @Test
    void evSizeForAFileOverTheByteLimit() {
        Examination e = Photo.examine(JPEG, new Limits(JPEG.length - 1, Limits.DEFAULT_MAX_PIXELS));
        assertThat(rules(e)).containsExactly("EV-SIZE");
        assertThat(problems(e).get(0).toString()).contains("EV-SIZE at photo", String.valueOf(JPEG.length));
        assertThat(Photo.examine(JPEG, new Limits(JPEG.length, Limits.DEFAULT_MAX_PIXELS)))
                .isInstanceOf(Examination.Examined.class);
    }

    @Test
    void evSizeForAnImageOverThePixelLimitBeforeDecodingIt() {
        Examination e = Photo.examine(JPEG, new Limits(Limits.DEFAULT_MAX_BYTES, 320 * 240 - 1));
        assertThat(rules(e)).containsExactly("EV-SIZE");
        assertThat(problems(e).get(0).message()).contains("320 x 240");
    }

    @Test
    void evTypeForBytesOfNoAcceptedTypeWhateverTheirName() {
        assertThat(rules(Photo.examine("GIF89a....".getBytes(StandardCharsets.US_ASCII), Limits.defaults())))
                .containsExactly("EV-TYPE");
        assertThat(rules(Photo.examine("<html>".getBytes(StandardCharsets.US_ASCII), Limits.defaults())))
                .containsExactly("EV-TYPE");
    }

    @Test
    void evTypeForHeicSaysToSendJpeg() {
        Examination e = Photo.examine(MediaSnifferTest.ftyp("heic", "mif1", "heic"), Limits.defaults());
        assertThat(rules(e)).containsExactly("EV-TYPE");
        assertThat(problems(e).get(0).message()).contains("HEIC", "JPEG");
    }

    @Test
    void evSizeAndEvTypeAreBothReported() {
        byte[] text = new byte[100];
        Arrays.fill(text, (byte) 'a');
        assertThat(rules(Photo.examine(text, new Limits(10, 10)))).containsExactly("EV-SIZE", "EV-TYPE");
    }

    @Test
    void evDecodeForATruncatedJpeg() {
        byte[] truncated = Arrays.copyOf(JPEG, JPEG.length * 2 / 3);
        Examination e = Photo.examine(truncated, Limits.defaults());
        assertThat(rules(e)).containsExactly("EV-DECODE");
        assertThat(problems(e).get(0).message()).startsWith("image/jpeg");
    }

    @Test
    void evDecodeForAJpegWithItsHeaderOnly() {
        assertThat(rules(Photo.examine(Arrays.copyOf(JPEG, 200), Limits.defaults())))
                .containsExactly("EV-DECODE");
    }

    @Test
    void evDecodeForATruncatedOrCorruptPng() {
        byte[] png = SheetPictures.png(SheetPictures.sheet(200, 100, "ST-2", new int[] {1, 2}, 2));
        assertThat(rules(Photo.examine(Arrays.copyOf(png, png.length / 2), Limits.defaults())))
                .containsExactly("EV-DECODE");
        byte[] corrupt = png.clone();
        for (int i = 100; i < 140; i++) corrupt[i] ^= 0x5A;
        assertThat(rules(Photo.examine(corrupt, Limits.defaults()))).containsExactly("EV-DECODE");
    }

    @Test
    void evDecodeForATruncatedWebp() {
        assertThat(rules(Photo.examine(Arrays.copyOf(WEBP_LOSSY, 24), Limits.defaults())))
                .containsExactly("EV-DECODE");
    }

    @Test
    void evDecodeForAPdfWithoutHeaderVersionOrTrailer() {
        byte[] truncated = Arrays.copyOf(PDF, PDF.length - 20);
        assertThat(rules(Photo.examine(truncated, Limits.defaults()))).containsExactly("EV-DECODE");
        byte[] badHeader = PDF.clone();
        badHeader[5] = 'x';
        assertThat(rules(Photo.examine(badHeader, Limits.defaults()))).containsExactly("EV-DECODE");
    }

    @Test
    void webpLossyAndLosslessDecode() {
        for (byte[] webp : List.of(WEBP_LOSSY, WEBP_LOSSLESS)) {
            var e = (Examination.Examined) Photo.examine(webp, Limits.defaults());
            assertThat(e.mediaType()).isEqualTo(MediaType.WEBP);
            assertThat(e.picture().orElseThrow().width()).isEqualTo(1);
            assertThat(e.picture().orElseThrow().publicMediaType()).isEqualTo("image/jpeg");
        }
    }

    @Test
    void aPdfIsKeptWithItsHashButNoPicture() {
        var e = (Examination.Examined) Photo.examine(PDF, Limits.defaults());
        assertThat(e.mediaType()).isEqualTo(MediaType.PDF);
        assertThat(e.picture()).isEmpty();
        assertThat(e.exif()).isEqualTo(Exif.NONE);
        assertThat(e.size()).isEqualTo(PDF.length);
    }

    @Test
    void anAcceptedJpegReportsTypeSizeDimensionsAndSha256() throws Exception {
        var e = (Examination.Examined) Photo.examine(JPEG, Limits.defaults());
        assertThat(e.mediaType()).isEqualTo(MediaType.JPEG);
        assertThat(e.size()).isEqualTo(JPEG.length);
        assertThat(e.sha256())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(JPEG)));
        assertThat(e.picture().orElseThrow().width()).isEqualTo(320);
        assertThat(e.picture().orElseThrow().height()).isEqualTo(240);
    }

    static List<String> rules(Examination e) {
        return problems(e).stream().map(p -> p.rule().id()).toList();
    }

    static List<Problem> problems(Examination e) {
        assertThat(e).isInstanceOf(Examination.Refused.class);
        return ((Examination.Refused) e).problems();
    }
}
