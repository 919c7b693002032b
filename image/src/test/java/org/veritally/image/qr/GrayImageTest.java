package org.veritally.image.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

class GrayImageTest {
    private static GrayImage random(int w, int h, Random r) {
        byte[] p = new byte[w * h];
        r.nextBytes(p);
        return GrayImage.of(w, h, p);
    }

    @Test
    void halvingAveragesEachTwoByTwoBlockAndDropsAnOddLastRowAndColumn() {
        GrayImage g = GrayImage.of(3, 3, new byte[] {0, 10, 99, 20, 30, 99, 99, 99, 99});
        GrayImage h = g.halved();
        assertThat(h.width()).isEqualTo(1);
        assertThat(h.height()).isEqualTo(1);
        assertThat(h.at(0, 0)).isEqualTo(15);
    }

    @Test
    void turningAgreesWithTheNaiveDefinitionOnSeededRandomImages() {
        Random r = new Random(Seeds.seed("GrayImageTest.turning", 13));
        for (int n = 0; n < 20; n++) {
            GrayImage g = random(1 + r.nextInt(9), 1 + r.nextInt(9), r);
            GrayImage cw = g.rotated(90);
            GrayImage half = g.rotated(180);
            GrayImage ccw = g.rotated(270);
            assertThat(cw.width()).isEqualTo(g.height());
            for (int y = 0; y < g.height(); y++) {
                for (int x = 0; x < g.width(); x++) {
                    // clockwise, the left column becomes the top row read bottom-up
                    assertThat(cw.at(g.height() - 1 - y, x)).isEqualTo(g.at(x, y));
                    assertThat(half.at(g.width() - 1 - x, g.height() - 1 - y)).isEqualTo(g.at(x, y));
                    assertThat(ccw.at(y, g.width() - 1 - x)).isEqualTo(g.at(x, y));
                }
            }
        }
    }

    @Test
    void onlyQuarterTurnsAreAccepted() {
        assertThatThrownBy(() -> GrayImage.of(1, 1, new byte[1]).rotated(45))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("45");
    }

    @Test
    void colourIsWeighedAsZxingDoesRedPlusTwiceGreenPlusBlueOverFour() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
        img.setRGB(0, 0, 0xff0000);
        img.setRGB(1, 0, 0x40c080);
        GrayImage g = GrayImage.of(img);
        assertThat(g.at(0, 0)).isEqualTo(255 / 4);
        assertThat(g.at(1, 0)).isEqualTo((0x40 + 2 * 0xc0 + 0x80) / 4);
        BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0xff40c080);
        assertThat(GrayImage.of(argb).at(0, 0)).isEqualTo((0x40 + 2 * 0xc0 + 0x80) / 4);
    }

    @Test
    void aPixelArrayOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> GrayImage.of(2, 2, new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
