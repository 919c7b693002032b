package org.veritally.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.Problem;
import org.veritally.testkit.Seeds;

/**
 * The verifier on real signed boletins (all 119 of 2016 verify with their states' keys) and attack tests: one
 * digit changed in the content or the hash is BU-HASH, in the signature BU-SIG; no signature is BU-UNSIGNED, no key
 * for the state BU-KEY.
 */
class BoletimVerifierTest {
    static List<String> ids(List<Problem> ps) {
        return ps.stream().map(p -> p.rule().id()).distinct().toList();
    }

    static BoletimVerifier.Verification verifyOne(String payload, BoletimKeys keys) {
        return new BoletimVerifier(keys).verify(new Boletim(List.of(BuSamples.part(payload, "qr"))));
    }

    @Test
    void all119Real2016PayloadsVerifyWithTheirStatesKeys() {
        BuSamples.assumePresent();
        BoletimKeys keys = BuSamples.keys();
        assertThat(keys.states()).hasSize(28).contains("PE", "ZZ");
        for (var r : BuSamples.payloads2016()) {
            var v = verifyOne(r.payload(), keys);
            assertThat(v.problems()).as("line %d", r.line()).isEmpty();
            assertThat(v.content().orElseThrow().state()).isEqualTo(r.uf());
        }
    }

    /** {@code payload} with the digit at {@code at} replaced by another digit. */
    static String changeDigit(String payload, int at, Random rnd) {
        char c = payload.charAt(at);
        char d;
        do d = (char) ('0' + rnd.nextInt(10));
        while (d == c);
        return payload.substring(0, at) + d + payload.substring(at + 1);
    }

    /** Positions of the decimal digits of {@code payload} in [from, to). */
    static List<Integer> digits(String payload, int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) if (Character.isDigit(payload.charAt(i))) out.add(i);
        return out;
    }

    @Test
    void buHashForOneDigitChangedInTheContentOfEveryRealPayload() {
        BuSamples.assumePresent();
        Random rnd = new Random(Seeds.seed("BU-HASH content digit", 2016));
        BoletimKeys keys = BuSamples.keys();
        for (var r : BuSamples.payloads2016()) {
            String p = r.payload();
            var ds = digits(p, p.indexOf(' ', p.indexOf("VRQR")) + 1, p.indexOf(" HASH:"));
            String bad = changeDigit(p, ds.get(rnd.nextInt(ds.size())), rnd);
            assertThat(ids(verifyOne(bad, keys).problems()))
                    .as(bad)
                    .contains("BU-HASH")
                    .doesNotContain("BU-SIG");
        }
    }

    @Test
    void buHashForOneDigitChangedInTheHash() {
        BuSamples.assumePresent();
        Random rnd = new Random(Seeds.seed("BU-HASH hash digit", 7));
        BoletimKeys keys = BuSamples.keys();
        for (var r : BuSamples.payloads2016().subList(0, 20)) {
            String p = r.payload();
            int h = p.indexOf(" HASH:") + 6;
            var ds = digits(p, h, h + 128);
            var v = verifyOne(changeDigit(p, ds.get(rnd.nextInt(ds.size())), rnd), keys);
            assertThat(ids(v.problems())).containsExactly("BU-HASH");
            assertThat(v.problems().get(0).found()).isPresent();
        }
    }

    @Test
    void buSigForOneDigitChangedInTheSignatureOfEveryRealPayload() {
        BuSamples.assumePresent();
        Random rnd = new Random(Seeds.seed("BU-SIG signature digit", 64));
        BoletimKeys keys = BuSamples.keys();
        for (var r : BuSamples.payloads2016()) {
            String p = r.payload();
            int a = p.indexOf(" ASSI:") + 6;
            var ds = digits(p, a, a + 128);
            String bad = changeDigit(p, ds.get(rnd.nextInt(ds.size())), rnd);
            assertThat(ids(verifyOne(bad, keys).problems())).as(bad).containsExactly("BU-SIG");
        }
    }

    @Test
    void buHashForARealPayloadMovedToAnotherState() {
        BuSamples.assumePresent();
        var row = BuSamples.payloads2016().get(0);
        String other = row.uf().equals("SP") ? "RJ" : "SP";
        String moved = row.payload().replace("UNFE:" + row.uf(), "UNFE:" + other);
        var keys = BuSamples.keys();
        // the state is in the content, so moving it breaks the hash first
        assertThat(ids(verifyOne(moved, keys).problems())).containsExactly("BU-HASH");
    }

    @Test
    void buUnsignedForARealPayloadWithoutItsSignature() {
        BuSamples.assumePresent();
        String p = BuSamples.payloads2016().get(0).payload();
        String unsigned = p.substring(0, p.indexOf(" ASSI:"));
        assertThat(ids(verifyOne(unsigned, BuSamples.keys()).problems())).containsExactly("BU-UNSIGNED");
    }

    @Test
    void buKeyForAStateWithNoKey() {
        BuSamples.assumePresent();
        String p = BuSamples.payloads2016().get(0).payload();
        assertThat(ids(verifyOne(p, BoletimKeys.none()).problems())).containsExactly("BU-KEY");
    }

    @Test
    void buSigForThe2018BoletinsUnderThe2016Keys() {
        BuSamples.assumePresent();
        var keys = BuSamples.keys();
        assertThat(ids(verifyOne(BuSamples.lines("br-bu-2018-1of1.txt").get(0), keys)
                        .problems()))
                .containsExactly("BU-SIG");
        var lines = BuSamples.lines("br-bu-2018-2parts.txt");
        var b = new Boletim(List.of(BuSamples.part(lines.get(0), "p1"), BuSamples.part(lines.get(1), "p2")));
        assertThat(ids(new BoletimVerifier(keys).verify(b).problems())).containsExactly("BU-SIG");
    }

    @Test
    void aTwoPartBoletimSignedByTheStatesKeyVerifies() {
        BuSamples.assumePresent();
        var lines = BuSamples.lines("br-bu-2018-2parts.txt");
        var kp = Forge.keyPair(Seeds.seed("boletim test key", 18));
        var payloads =
                Forge.payloads(List.of(Forge.content(lines.get(0)), Forge.content(lines.get(1))), Optional.of(kp));
        var b = new Boletim(List.of(BuSamples.part(payloads.get(0), "p1"), BuSamples.part(payloads.get(1), "p2")));
        var v = new BoletimVerifier(BoletimKeys.of(Map.of("ac", Forge.raw(kp)))).verify(b);
        assertThat(v.problems()).isEmpty();
        var c = v.content().orElseThrow();
        assertThat(c.offices()).extracting(Office::office).containsExactly(6, 7, 5, 3, 1);
        assertThat(c.offices().get(1).candidates()).hasSize(12).containsEntry("94002", 1L);
        assertThat(c.offices().get(1).parties()).hasSize(4);
        assertThat(c.offices().get(4).election()).contains("15101");
    }
}
