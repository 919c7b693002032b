package org.veritally.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden vectors of the boletim hash chain: the 2018 samples and the 119 real 2016 payloads reproduce it. */
class HashChainTest {
    static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    @Test
    void theOnePart2018BoletimHashesToItsHash() {
        BuSamples.assumePresent();
        BoletimPart p = BuSamples.part(BuSamples.lines("br-bu-2018-1of1.txt").get(0), "1of1");
        assertThat(p.chapterVersion()).contains("20180830");
        assertThat(hex(HashChain.computed(List.of(p)).get(0)))
                .isEqualTo(p.hashHex().toUpperCase());
        assertThat(hex(HashChain.computed(List.of(p)).get(0))).startsWith("714CAF293004CB24");
    }

    @Test
    void theSecondPartOf2018CoversTheFirstWithItsHashTokenThenItsOwnContent() {
        BuSamples.assumePresent();
        var lines = BuSamples.lines("br-bu-2018-2parts.txt");
        BoletimPart p1 = BuSamples.part(lines.get(0), "p1");
        BoletimPart p2 = BuSamples.part(lines.get(1), "p2");
        var computed = HashChain.computed(List.of(p1, p2));
        assertThat(hex(computed.get(0))).isEqualTo(p1.hashHex());
        assertThat(hex(computed.get(1))).isEqualTo(p2.hashHex()).startsWith("266788CFBB06EE77");
        // the chain input spelled out: c1 " HASH:" h1 " " c2
        String input = p1.content() + " HASH:" + p1.hashHex() + " " + p2.content();
        assertThat(hex(HashChain.sha512().digest(input.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isEqualTo(p2.hashHex());
    }

    @Test
    void every2016PayloadHashesToItsHash() {
        BuSamples.assumePresent();
        var rows = BuSamples.payloads2016();
        assertThat(rows).hasSize(119);
        for (var r : rows) {
            BoletimPart p = BuSamples.part(r.payload(), "line " + r.line());
            assertThat(hex(HashChain.computed(List.of(p)).get(0)))
                    .as("line %d", r.line())
                    .isEqualTo(p.hashHex());
        }
    }
}
