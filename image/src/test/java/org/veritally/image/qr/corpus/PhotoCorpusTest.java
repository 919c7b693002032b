package org.veritally.image.qr.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.image.qr.QrRead;
import org.veritally.image.qr.QrReader;
import org.veritally.testkit.Seeds;

class PhotoCorpusTest {
    static final String COUNTS = "122,1,0,0,4,2,0,0,2,1,0,1,2,1,0,0,0,5,0,2,0,0,0,0,0,0,0,0,1,0,0,0,0,8,22,406,0,1";
    static final List<List<String>> SHEETS = List.of(
            List.of("110601011.04.1.0001!" + COUNTS + "!0!0"),
            List.of("QRBU:1:2 VRQR:1.5 APTO:51", "QRBU:2:2 VRQR:1.5 TOTC:30"));

    @Test
    void aPhotoDependsOnTheSeedAndItsIndexOnlyNotOnWhatWasMadeBefore() {
        long seed = Seeds.seed("PhotoCorpusTest.replay", 5);
        PhotoCorpus a = new PhotoCorpus(SHEETS, seed);
        PhotoCorpus b = new PhotoCorpus(SHEETS, seed);
        a.photo(0, 1024, 768);
        PhotoCorpus.Photo late = a.photo(3, 1024, 768);
        PhotoCorpus.Photo alone = b.photo(3, 1024, 768);
        assertThat(late.jpeg()).isEqualTo(alone.jpeg());
        assertThat(late.distortion()).isEqualTo(alone.distortion());
        assertThat(late.payloads()).isEqualTo(SHEETS.get(1));
        assertThat(a.photo(4, 1024, 768).distortion()).isNotEqualTo(late.distortion());
    }

    @Test
    void neighbouringIndicesDrawUnrelatedDistortions() {
        PhotoCorpus c = new PhotoCorpus(SHEETS, Seeds.seed("PhotoCorpusTest.neighbours", 1));
        double[] rotations = new double[20];
        for (int i = 0; i < 20; i++)
            rotations[i] = c.photo(i, 320, 240).distortion().rotationDegrees();
        double min = java.util.Arrays.stream(rotations).min().orElseThrow();
        double max = java.util.Arrays.stream(rotations).max().orElseThrow();
        assertThat(max - min).isGreaterThan(15);
    }

    @Test
    void aGeneratedPhotoIsAJpegTheReaderReadsBackWhatWasPrinted() {
        PhotoCorpus c = new PhotoCorpus(SHEETS, Seeds.seed("PhotoCorpusTest.readBack", 3));
        PhotoCorpus.Photo p = c.photo(1, 2048, 1536);
        assertThat(p.jpeg()).startsWith((byte) 0xFF, (byte) 0xD8);
        QrRead read = new QrReader().read(p.jpeg());
        assertThat(read).isInstanceOf(QrRead.Found.class);
        assertThat(((QrRead.Found) read).payloads()).containsExactlyInAnyOrderElementsOf(p.payloads());
    }

    @Test
    void aCorpusWithoutSheetsIsRefused() {
        assertThatThrownBy(() -> new PhotoCorpus(List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
