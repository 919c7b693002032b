package org.veritally.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

/**
 * Mutated real payloads (a character replaced, inserted or deleted, tokens swapped, a prefix cut) go through the
 * whole reading (parse, assemble, verify, define, sheets) without an exception: every refusal is a problem with a
 * BU-* or TS-* rule.
 */
class BoletimFuzzTest {
    static final String ALPHABET = "0123456789ABCDEFabcdef :QRBUHASIPLEX/\u00e9";

    static String mutate(String s, Random rnd) {
        int at = rnd.nextInt(s.length());
        char c = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
        return switch (rnd.nextInt(5)) {
            case 0 -> s.substring(0, at) + c + s.substring(at + 1);
            case 1 -> s.substring(0, at) + c + s.substring(at);
            case 2 -> s.substring(0, at) + s.substring(at + 1);
            case 3 -> s.substring(0, at);
            default -> {
                String[] t = s.split(" ");
                int i = rnd.nextInt(t.length);
                int j = rnd.nextInt(t.length);
                String x = t[i];
                t[i] = t[j];
                t[j] = x;
                yield String.join(" ", t);
            }
        };
    }

    @Test
    void mutatedPayloadsAreProblemsNeverExceptions() {
        BuSamples.assumePresent();
        Random rnd = new Random(Seeds.seed("boletim fuzz", 119));
        var real = new ArrayList<String>();
        BuSamples.payloads2016().forEach(r -> real.add(r.payload()));
        real.addAll(BuSamples.lines("br-bu-2018-2parts.txt"));
        BoletimKeys keys = BuSamples.keys();
        int refused = 0;
        for (int round = 0; round < 300; round++) {
            List<BoletimPayloads.Located> batch = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String p = real.get(rnd.nextInt(real.size()));
                int n = rnd.nextInt(3);
                for (int k = 0; k < n; k++) p = mutate(p, rnd);
                if (p.isEmpty()) continue;
                batch.add(new BoletimPayloads.Located(p, "r" + round + ":" + i));
                // the content parser and the arithmetic too, which a mutated signed payload rarely reaches
                BoletimQr.parse(p, "x")
                        .part()
                        .ifPresent(part -> BoletimContent.parse(part.content(), "x")
                                .content()
                                .ifPresent(c -> BoletimSums.check(c, "x")));
            }
            var r = BrBuQr.read(batch, keys);
            refused += r.problems().size();
            assertThat(r.problems()).allSatisfy(p -> assertThat(p.rule().id()).matches("(BU|TS)-[A-Z]+"));
            BrBuElection.definition(r.contents())
                    .ifPresent(d -> BrBuElection.sheets(r.verified(), d.election(), "fuzz"));
        }
        assertThat(refused).isPositive();
    }
}
