package org.veritally.image.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.veritally.image.qr.corpus.PhotoSimulator;

class QrReaderTest {
    /** The Venezuelan acta payload quoted in shared/README.md (centre 110601011, table 04). */
    static final String ACTA =
            "110601011.04.1.0001!122,1,0,0,4,2,0,0,2,1,0,1,2,1,0,0,0,5,0,2,0,0,0,0,0,0,0,0,1,0,0,0,0,8,22,406,0,1!0!0";

    static final String SECOND = "QRBU:2:2 VRQR:1.5 VRCH:20180618 TOTC:30 HASH:ABCDEF";

    final QrReader reader = new QrReader();

    @Test
    void aCleanCodeIsReadByTheFirstAttemptWholeFrameHybridFullScale() {
        BufferedImage img = QrTestImages.canvas(800, 600);
        QrTestImages.draw(img, ACTA, 300, 150, 5);
        QrRead read = reader.read(img);
        assertThat(read).isInstanceOf(QrRead.Found.class);
        QrRead.Found found = (QrRead.Found) read;
        assertThat(found.payloads()).containsExactly(ACTA);
        assertThat(found.attemptsMade()).isEqualTo(1);
        assertThat(found.attempt()).isEqualTo(new Attempt(1, 100, 0, Binarization.HYBRID, Region.WHOLE));
    }

    @Test
    void twoCodesOnOneSheetAreBothRead() {
        BufferedImage img = QrTestImages.canvas(1200, 700);
        QrTestImages.draw(img, ACTA, 40, 100, 5);
        QrTestImages.draw(img, SECOND, 700, 150, 6);
        QrRead read = reader.read(img);
        assertThat(read).isInstanceOf(QrRead.Found.class);
        assertThat(((QrRead.Found) read).payloads()).containsExactlyInAnyOrder(ACTA, SECOND);
    }

    @Test
    void aBoletimPartWhoseSiblingIsMissingIsReturnedAfterEveryAttemptLookedForIt() {
        BufferedImage img = QrTestImages.canvas(800, 600);
        QrTestImages.draw(img, SECOND, 300, 150, 5);
        QrRead read = reader.read(img);
        assertThat(read).isInstanceOf(QrRead.Found.class);
        QrRead.Found found = (QrRead.Found) read;
        assertThat(found.payloads()).containsExactly(SECOND);
        assertThat(found.attempt().region()).isEqualTo(Region.WHOLE);
        assertThat(found.attemptsMade()).isEqualTo(AttemptPlan.standard().size(false));
    }

    @Test
    void aBoletimAnnouncesItsPartsAnyOtherPayloadIsTheSheetsOnlyCode() {
        assertThat(SheetParts.announced(java.util.List.of(ACTA))).isEqualTo(1);
        assertThat(SheetParts.announced(java.util.List.of(SECOND))).isEqualTo(2);
        assertThat(SheetParts.announced(java.util.List.of("QRBU:1:1 VRQR:1.4"))).isEqualTo(1);
        assertThat(SheetParts.announced(java.util.List.of("QRBU:1:22"))).isEqualTo(22);
        assertThat(SheetParts.announced(java.util.List.of("XQRBU:1:3"))).isEqualTo(1);
    }

    @Test
    void aSheetWithoutACodeIsNoneFoundAfterEveryAttemptNotAnError() {
        BufferedImage img = QrTestImages.canvas(640, 480);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
        for (int y = 30; y < 460; y += 20) g.drawString("MESA 04  VOTOS 122  NULOS 0  CENTRO 110601011", 20, y);
        g.dispose();
        QrRead read = reader.read(img);
        assertThat(read).isEqualTo(new QrRead.NoneFound(AttemptPlan.standard().size(false)));
    }

    @Test
    void bytesThatAreNotAnImageAreUndecodableWithNoAttemptMade() {
        QrRead read = reader.read("not a photo".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(read).isInstanceOf(QrRead.Undecodable.class);
        assertThat(read.attemptsMade()).isZero();
        byte[] jpeg = PhotoSimulator.jpeg(QrTestImages.canvas(64, 64), 80);
        assertThat(reader.read(Arrays.copyOf(jpeg, 40))).isInstanceOf(QrRead.Undecodable.class);
    }

    @Test
    void aTwelveMegapixelJpegIsReadFromItsHalfResolutionDecodeFirst() {
        BufferedImage img = QrTestImages.canvas(4000, 3000);
        QrTestImages.draw(img, ACTA, 2600, 1900, 14);
        QrRead read = reader.read(PhotoSimulator.jpeg(img, 40));
        assertThat(read).isInstanceOf(QrRead.Found.class);
        QrRead.Found found = (QrRead.Found) read;
        assertThat(found.payloads()).containsExactly(ACTA);
        assertThat(found.attempt().sourceSubsampling()).isEqualTo(2);
        assertThat(found.attemptsMade()).isEqualTo(1);
    }

    @Test
    void aCodeTooFineForTheHalfResolutionDecodeIsFoundAtFullResolution() throws IOException {
        BufferedImage img = QrTestImages.canvas(4000, 3000);
        QrTestImages.draw(img, ACTA, 2601, 1901, 1); // one pixel a module: subsampling loses half of them
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        QrRead read = reader.read(png.toByteArray());
        assertThat(read).isInstanceOf(QrRead.Found.class);
        QrRead.Found found = (QrRead.Found) read;
        assertThat(found.payloads()).containsExactly(ACTA);
        assertThat(found.attempt().sourceSubsampling()).isEqualTo(1);
        assertThat(found.attemptsMade())
                .isGreaterThan(AttemptPlan.standard().attempts().size());
    }

    @Test
    void theStandardPlanTriesTheWholeFrameAtFullScaleFirstThenHalfThenQuarter() {
        var attempts = AttemptPlan.standard().attempts();
        assertThat(attempts.subList(0, 3)).extracting(Attempt::scalePercent).containsExactly(100, 50, 25);
        assertThat(attempts.subList(0, 3)).allMatch(a -> a.region().equals(Region.WHOLE) && a.rotationDegrees() == 0);
        assertThat(attempts).extracting(Attempt::rotationDegrees).contains(90, 180, 270);
        assertThat(attempts).extracting(Attempt::binarization).contains(Binarization.GLOBAL_HISTOGRAM);
        assertThat(attempts).extracting(a -> a.region().name()).contains("bottom-right", "window(3,3)");
    }
}
