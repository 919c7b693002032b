package org.veritally.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The payload of a Venezuelan acta's QR code, where it is malformed. */
class VeActaQrTest {
    @Test
    void inIdForAMalformedActaId() {
        var row = VeActaQr.parse(
                "not-an-acta!0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0!0!0",
                "witness",
                "qr 1");
        assertThat(row.sheet()).isEmpty();
        assertThat(row.problems()).extracting(p -> p.rule().id()).contains("IN-ID");
        assertThat(row.problems())
                .filteredOn(p -> p.rule().id().equals("IN-ID"))
                .singleElement()
                .satisfies(p -> assertThat(p.location()).isEqualTo("qr 1 part 1"));
    }
}
