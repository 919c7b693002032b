package org.veritally.image.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.veritally.image.qr.corpus.PhotoSimulator;
import org.veritally.testkit.Seeds;

class PhotoDecoderTest {
    @Test
    void theYBandOfAColourJpegIsItsLuminanceAsImageIoWouldGiveIt() throws IOException {
        Random r = new Random(Seeds.seed("PhotoDecoderTest.yBand", 7));
        BufferedImage img = new BufferedImage(256, 128, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 256; x++) img.setRGB(x, y, (x << 16) | ((2 * y) << 8) | r.nextInt(256));
        }
        byte[] jpeg = PhotoSimulator.jpeg(img, 90);
        GrayImage raw = PhotoDecoder.decode(jpeg, 1).image();
        GrayImage converted = GrayImage.of(ImageIO.read(new ByteArrayInputStream(jpeg)));
        long diff = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 256; x++) diff += Math.abs(raw.at(x, y) - converted.at(x, y));
        }
        // Y weighs 0.299/0.587/0.114, ZXing's luminance 1/4, 1/2, 1/4: close, not equal
        assertThat(diff / (256.0 * 128)).isLessThan(12);
    }

    @Test
    void aLargePhotoIsSubsampledTowardsTheWorkingSizeAndASmallOneIsNot() throws IOException {
        assertThat(PhotoDecoder.subsamplingFor(4000, 3000)).isEqualTo(2);
        assertThat(PhotoDecoder.subsamplingFor(2048, 1536)).isEqualTo(1);
        assertThat(PhotoDecoder.subsamplingFor(8000, 6000)).isEqualTo(4);
        byte[] jpeg = PhotoSimulator.jpeg(new BufferedImage(4000, 3000, BufferedImage.TYPE_BYTE_GRAY), 40);
        PhotoDecoder.Decoded d = PhotoDecoder.decode(jpeg, 0);
        assertThat(d.subsampling()).isEqualTo(2);
        assertThat(d.image().width()).isEqualTo(2000);
        assertThat(d.image().height()).isEqualTo(1500);
        assertThat(d.fullWidth()).isEqualTo(4000);
    }

    @Test
    void aPngIsReadThroughImageIo() throws IOException {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0xffffff);
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        GrayImage g = PhotoDecoder.decode(out.toByteArray(), 0).image();
        assertThat(g.at(3, 4)).isEqualTo(255);
        assertThat(g.at(0, 0)).isZero();
    }

    @Test
    void bytesThatAreNoImageAreAnIoException() {
        assertThatThrownBy(() -> PhotoDecoder.decode(new byte[] {1, 2, 3}, 0)).isInstanceOf(IOException.class);
    }
}
