package org.veritally.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The syntax of one boletim QR payload: every malformation is BU-SYNTAX, located. */
class BoletimQrTest {
    static final String HASH = "A".repeat(128);

    @Test
    void aPayloadParsesIntoItsHeaderContentHashAndSignature() {
        var p = BoletimQr.parse(
                        "QRBU:2:3 VRQR:1.5 VRCH:20180618 91:5 NOMI:5 HASH:" + HASH + " ASSI:" + "b".repeat(128), "x")
                .part()
                .orElseThrow();
        assertThat(p.index()).isEqualTo(2);
        assertThat(p.count()).isEqualTo(3);
        assertThat(p.version()).isEqualTo("1.5");
        assertThat(p.chapterVersion()).contains("20180618");
        assertThat(p.content()).isEqualTo("91:5 NOMI:5");
        assertThat(p.signatureHex()).contains("b".repeat(128));
    }

    @Test
    void buSyntaxForEachMalformation() {
        String[] bad = {
            "QRXX:1:1 VRQR:1.4 A:1 HASH:" + HASH,
            "QRBU:2:1 VRQR:1.4 A:1 HASH:" + HASH,
            "QRBU:1:1 A:1 HASH:" + HASH,
            "QRBU:1:1 VRQR:1.4 A:1",
            "QRBU:1:1 VRQR:1.4 HASH:" + HASH,
            "QRBU:1:1 VRQR:1.4 A:1 HASH:ABC",
            "QRBU:1:1 VRQR:1.4 A:1  B:2 HASH:" + HASH,
            "QRBU:1:1 VRQR:1.4 A:1 HASH:" + HASH + " ASSI:XYZ",
            "QRBU:1:1 VRQR:1.4 A:1 HASH:" + HASH + " EXTRA:1",
        };
        for (String s : bad) {
            var r = BoletimQr.parse(s, "photo 3");
            assertThat(r.part()).as(s).isEmpty();
            assertThat(r.problems()).as(s).isNotEmpty().allSatisfy(p -> {
                assertThat(p.rule().id()).isEqualTo("BU-SYNTAX");
                assertThat(p.location()).startsWith("photo 3");
            });
        }
    }

    @Test
    void buSyntaxForAContentThatIsNoBoletim() {
        String[] bad = {
            "PLEI:1 TURN:1 UNFE:PE MUNI:1 ZONA:1 SECA:1 APTO:1 COMP:1 FALT:0", // no office
            "PLEI:1 TURN:1 UNFE:PE MUNI:1 ZONA:1 APTO:1 COMP:1 FALT:0 CARG:11 12:1 NOMI:1 BRAN:0 NULO:0 TOTC:1",
            "PLEI:1 TURN:1 UNFE:PE MUNI:1 ZONA:1 SECA:1 APTO:x COMP:1 FALT:0 CARG:11 12:1 NOMI:1 BRAN:0 NULO:0 TOTC:1",
            "PLEI:1 TURN:1 UNFE:PE MUNI:1 ZONA:1 SECA:1 APTO:1 COMP:1 FALT:0 CARG:11 12:1 NOMI:1 BRAN:0 NULO:0",
            "PLEI:1 TURN:1 UNFE:PE MUNI:1 ZONA:1 SECA:1 APTO:1 COMP:1 FALT:0 CARG:11 12:1 12:0 NOMI:1 BRAN:0 NULO:0"
                    + " TOTC:1",
            "PLEI:1 TURN:1 UNFE:PE MUNI:1 ZONA:1 SECA:1 APTO:1 COMP:1 FALT:0 CARG:11 12:1 NOMI:1 NULO:0 TOTC:1",
            "PLEI:1 TURN:1 UNFE:PE MUNI:1 ZONA:1 SECA:1 APTO:1 COMP:1 FALT:0 CARG:11 12:1 NOMI:1 BRAN:0 NULO:0 TOTC:1"
                    + " CARG:11 12:1 NOMI:1 BRAN:0 NULO:0 TOTC:1",
            "PLEI:1 TURN:1 UNFE:PE MUNI:1 ZONA:1 SECA:1 APTO:1 COMP:1 FALT:0 CARG:11 12:1 NOMI:1 ODDS:1 BRAN:0 NULO:0"
                    + " TOTC:1",
        };
        for (String s : bad) {
            var r = BoletimContent.parse(s, "qr");
            assertThat(r.content()).as(s).isEmpty();
            assertThat(r.problems())
                    .as(s)
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.rule().id()).isEqualTo("BU-SYNTAX"));
        }
    }
}
