package org.veritally.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

/** Reassembling boletins from parts read in any order; what is missing, repeated or conflicting is BU-PART. */
class BoletinsTest {
    static List<String> twoParts() {
        BuSamples.assumePresent();
        return BuSamples.lines("br-bu-2018-2parts.txt");
    }

    /** A second two-part boletim, of another section, with a correct chain. */
    static List<String> otherSection() {
        var l = twoParts();
        return Forge.payloads(
                List.of(Forge.content(l.get(0)).replace("SECA:16", "SECA:17"), Forge.content(l.get(1))),
                Optional.empty());
    }

    static Boletins.Assembly assemble(List<String> payloads) {
        Boletins b = new Boletins();
        for (int i = 0; i < payloads.size(); i++) b.add(BuSamples.part(payloads.get(i), "line " + (i + 1)));
        return b.assemble();
    }

    static List<String> ids(Boletins.Assembly a) {
        return a.problems().stream().map(p -> p.rule().id()).distinct().toList();
    }

    @Test
    void partsInReverseOrderMakeOneBoletim() {
        var l = twoParts();
        var a = assemble(List.of(l.get(1), l.get(0)));
        assertThat(a.problems()).isEmpty();
        assertThat(a.boletins()).singleElement().satisfies(b -> {
            assertThat(b.parts()).extracting(BoletimPart::index).containsExactly(1, 2);
            assertThat(b.where()).isEqualTo("line 2 + line 1");
        });
    }

    @Test
    void twoBoletinsShuffledAreTakenApartByTheirHashChain() {
        List<String> all = new ArrayList<>(twoParts());
        var other = otherSection();
        all.addAll(other);
        Collections.shuffle(all, new Random(Seeds.seed("boletim parts shuffle", 42)));
        var a = assemble(all);
        assertThat(a.problems()).isEmpty();
        assertThat(a.boletins()).hasSize(2);
        for (Boletim b : a.boletins()) {
            String seca = Boletim.identity(b.parts().get(0)).orElseThrow();
            String expected2 =
                    seca.contains("SECA:17") ? other.get(1) : twoParts().get(1);
            assertThat(b.parts().get(1).payload()).isEqualTo(expected2);
        }
    }

    @Test
    void anIdenticalRepeatIsDroppedAndCounted() {
        var l = twoParts();
        var a = assemble(List.of(l.get(0), l.get(1), l.get(1), l.get(0)));
        assertThat(a.problems()).isEmpty();
        assertThat(a.boletins()).hasSize(1);
        assertThat(a.repeats()).isEqualTo(2);
    }

    @Test
    void buPartForAMissingSecondPart() {
        var a = assemble(List.of(twoParts().get(0)));
        assertThat(a.boletins()).isEmpty();
        assertThat(ids(a)).containsExactly("BU-PART");
        assertThat(a.problems().get(0).message()).contains("parts 2..2 of 2 are missing");
    }

    @Test
    void buPartForASecondPartWithoutItsFirst() {
        var a = assemble(List.of(twoParts().get(1)));
        assertThat(a.boletins()).isEmpty();
        assertThat(ids(a)).containsExactly("BU-PART");
    }

    @Test
    void buHashForASecondPartAlteredWhileItsFirstWasRead() {
        var l = twoParts();
        var a = assemble(List.of(l.get(0), l.get(1).replace("911:8", "911:9")));
        assertThat(a.boletins()).isEmpty();
        assertThat(ids(a)).containsExactly("BU-HASH", "BU-PART");
    }

    @Test
    void buPartForASecondDifferentPartWhoseHashWasRecomputed() {
        var l = twoParts();
        var forged = Forge.payloads(
                List.of(Forge.content(l.get(0)), Forge.content(l.get(1)).replace("911:8", "911:9")), Optional.empty());
        assertThat(forged.get(0)).isEqualTo(l.get(0));
        var a = assemble(List.of(l.get(0), l.get(1), forged.get(1)));
        assertThat(a.boletins()).isEmpty();
        assertThat(ids(a)).containsExactly("BU-PART");
        assertThat(a.problems().get(0).message()).contains("a second, different part 2");
    }

    @Test
    void buPartForAPartGivingAnotherPartCount() {
        var l = twoParts();
        // the header is outside the hash: the chain still links, the count disagrees
        var a = assemble(List.of(l.get(0), l.get(1).replace("QRBU:2:2", "QRBU:2:3")));
        assertThat(a.boletins()).isEmpty();
        assertThat(ids(a)).containsExactly("BU-PART");
        assertThat(a.problems().get(0).expected()).contains("2");
    }

    @Test
    void buPartForTwoDifferentBoletinsOfOneSection() {
        BuSamples.assumePresent();
        String real = BuSamples.payloads2016().get(0).payload();
        String content = Forge.content(real).replace("BRAN:17 NULO:36", "BRAN:18 NULO:35");
        var other = Forge.payloads(List.of(content), Optional.empty()).get(0);
        var a = assemble(List.of(real, other));
        assertThat(a.boletins()).isEmpty();
        assertThat(a.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.rule().id()).isEqualTo("BU-PART");
            assertThat(p.message()).contains("two different boletins for PLEI:188 TURN:2 UNFE:PE");
        });
    }
}
