package org.veritally.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The arithmetic of a boletim, on contents with a correct hash chain and one count altered. */
class BoletimSumsTest {
    static final String BASE = "ORIG:VOTA PROC:185 DTPL:20161030 PLEI:188 TURN:2 FASE:O UNFE:PE MUNI:24570 ZONA:101"
            + " SECA:1 APTO:394 COMP:295 FALT:99 IDEL:221 CARG:11 TIPO:0 VERC:201610061907 12:112 22:130 NOMI:242"
            + " BRAN:17 NULO:36 TOTC:295";

    static List<String> ids(String content) {
        var c = BoletimContent.parse(content, "qr");
        assertThat(c.problems()).isEmpty();
        return BoletimSums.check(c.content().orElseThrow(), "qr").stream()
                .map(p -> p.rule().id())
                .toList();
    }

    @Test
    void aConsistentBoletimAddsUp() {
        assertThat(ids(BASE)).isEmpty();
    }

    @Test
    void buTurnoutWhenComparecimentoPlusAbsentIsNotApto() {
        assertThat(ids(BASE.replace("FALT:99", "FALT:98"))).containsExactly("BU-TURNOUT");
    }

    @Test
    void buSumWhenTheCandidateVotesAreNotNomi() {
        assertThat(ids(BASE.replace("12:112", "12:113"))).containsExactly("BU-SUM");
    }

    @Test
    void buTotalWhenNomiBranNuloAreNotTotc() {
        assertThat(ids(BASE.replace("NULO:36", "NULO:37"))).containsExactly("BU-TOTAL");
    }

    @Test
    void buSumForAPartyWhoseCandidatesAndLegendaAreNotItsTotal() {
        String prop = BASE.replace(
                "CARG:11 TIPO:0 VERC:201610061907 12:112 22:130 NOMI:242 BRAN:17 NULO:36 TOTC:295",
                "CARG:13 TIPO:1 PART:12 12001:100 12002:12 LEGP:30 TOTP:142 PART:22 22001:130 LEGP:0 TOTP:131"
                        + " NOMI:242 LEGC:30 BRAN:7 NULO:16 TOTC:295");
        assertThat(ids(prop)).containsExactly("BU-SUM");
        assertThat(ids(prop.replace("TOTP:131", "TOTP:130"))).isEmpty();
    }

    @Test
    void aWrongCountInASignedRealPayloadIsBuTotalAfterItsHashIsForged() {
        // an attacker who recomputes the hash still fails the arithmetic, and the signature (no key: BU-UNSIGNED)
        var payloads = Forge.payloads(List.of(BASE.replace("BRAN:17", "BRAN:18")), Optional.empty());
        var v = new BoletimVerifier(BoletimKeys.none())
                .verify(new Boletim(List.of(BuSamples.part(payloads.get(0), "qr"))));
        assertThat(v.problems()).extracting(p -> p.rule().id()).containsExactly("BU-UNSIGNED", "BU-TOTAL");
    }
}
