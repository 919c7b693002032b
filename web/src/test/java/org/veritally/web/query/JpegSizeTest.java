package org.veritally.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.ExifSegments;
import org.veritally.testkit.SheetPictures;

/** The size of a JPEG read from its frame header agrees with the JDK's decoder, past EXIF segments too. */
class JpegSizeTest {
    @Test
    void readsTheFrameHeaderAsTheDecoderDoes() {
        for (int[] size : new int[][] {{800, 600}, {333, 1001}, {17, 9}}) {
            byte[] jpeg = SheetPictures.jpeg(SheetPictures.sheet(size[0], size[1], "T", new int[] {1, 2}, 3), 0.8f);
            var decoded = SheetPictures.decode(jpeg);
            assertThat(JpegSize.of(jpeg))
                    .hasValueSatisfying(s -> assertThat(s).containsExactly(decoded.getWidth(), decoded.getHeight()));
            byte[] withExif = ExifSegments.afterSoi(jpeg, ExifSegments.exif(10.5, -66.9, 1));
            assertThat(JpegSize.of(withExif))
                    .hasValueSatisfying(s -> assertThat(s).containsExactly(size[0], size[1]));
        }
    }

    @Test
    void anythingElseHasNoSize() {
        byte[] png = SheetPictures.png(SheetPictures.sheet(40, 30, "T", new int[] {1}, 1));
        assertThat(JpegSize.of(png)).isEmpty();
        assertThat(JpegSize.of(new byte[0])).isEmpty();
        assertThat(JpegSize.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        byte[] jpeg = SheetPictures.jpeg(SheetPictures.sheet(64, 48, "T", new int[] {1}, 1), 0.8f);
        assertThat(JpegSize.of(Arrays.copyOf(jpeg, 30)))
                .as("cut before the frame header")
                .isEmpty();
    }
}
