package org.veritally.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.veritally.core.evidence.MachineRead;
import org.veritally.web.model.StationPhoto;

/**
 * A Venezuelan acta's QR is shown per candidate, with the importer's own card-to-candidate sums; any
 * other read, and a payload that does not parse, only as its text.
 */
class QrCountsTest {
    /** Cards 1 to 38 carry 1 to 38 votes; 3 null and 4 invalid ballots. */
    static final String ACTA = "110601011.04.1.0001!"
            + IntStream.rangeClosed(1, 38).mapToObj(Integer::toString).collect(Collectors.joining(","))
            + "!3!4";

    @Test
    void aVenezuelanActaIsReadPerCandidate() {
        var r = QrCounts.of(new MachineRead("ve-acta-qr", ACTA));
        assertThat(r.payload()).isEqualTo(ACTA);
        assertThat(r.counts())
                .containsExactly(
                        new StationPhoto.QrCount("Edmundo González", false, 34 + 35 + 36),
                        new StationPhoto.QrCount("Nicolás Maduro", false, 91),
                        new StationPhoto.QrCount("Luis Martínez", false, 14 + 15 + 16 + 17 + 18 + 19),
                        new StationPhoto.QrCount("Javier Bertucci", false, 20),
                        new StationPhoto.QrCount("José Brito", false, 21 + 22 + 23 + 24),
                        new StationPhoto.QrCount("Antonio Ecarri", false, 25 + 26 + 27 + 28 + 29 + 30),
                        new StationPhoto.QrCount("Claudio Fermín", false, 31),
                        new StationPhoto.QrCount("Daniel Ceballos", false, 32 + 33),
                        new StationPhoto.QrCount("Enrique Márquez", false, 37),
                        new StationPhoto.QrCount("Benjamín Rausseo", false, 38),
                        new StationPhoto.QrCount("field.valid", true, 38 * 39 / 2),
                        new StationPhoto.QrCount("field.nulls", true, 7));
    }

    @Test
    void otherFormatsAndBrokenPayloadsAreShownAsText() {
        assertThat(QrCounts.of(new MachineRead("qr", "hello")).counts()).isEmpty();
        assertThat(QrCounts.of(new MachineRead("br-bu-qr", "QRBU:1:1 ...")).counts())
                .isEmpty();
        var broken = QrCounts.of(new MachineRead("ve-acta-qr", "110601011.04.1.0001!1,2!0!0"));
        assertThat(broken.counts()).as("38 counts expected").isEmpty();
        assertThat(broken.payload()).isEqualTo("110601011.04.1.0001!1,2!0!0");
    }
}
