package org.veritally.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recognising what a photo's QR codes are, and the station they name, on the real samples of ../shared. */
class QrPayloadsTest {
    @Test
    void aVenezuelanActaNamesItsCentreAndTable() throws IOException {
        BuSamples.assumePresent();
        String line =
                Files.readAllLines(BuSamples.dir().resolve("ve-acta-2024.txt")).get(1);
        var reads = QrPayloads.reads(List.of(line));
        assertThat(reads.get(0).format()).isEqualTo("ve-acta-qr");
        assertThat(QrPayloads.station(reads)).contains("110601011.04");
    }

    @Test
    void aBrazilianBoletimNamesItsSection() {
        BuSamples.assumePresent();
        var row = BuSamples.payloads2016().get(0);
        var reads = QrPayloads.reads(List.of(row.payload()));
        assertThat(reads.get(0).format()).isEqualTo("br-bu-qr");
        assertThat(QrPayloads.station(reads))
                .hasValueSatisfying(s -> assertThat(s)
                        .startsWith(row.uf().toUpperCase(java.util.Locale.ROOT) + ".")
                        .matches("[A-Z]{2}\\.\\d+\\.\\d+\\.\\d+"));
    }

    @Test
    void anythingElseIsACodeOfNoKnownFormatAndNamesNoStation() {
        var reads = QrPayloads.reads(List.of("https://example.org/acta/7", "110601011.04!1,2!0"));
        assertThat(reads).extracting(r -> r.format()).containsExactly("qr", "qr");
        assertThat(QrPayloads.station(reads)).isEmpty();
    }
}
