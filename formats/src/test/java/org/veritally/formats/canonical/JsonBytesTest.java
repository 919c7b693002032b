package org.veritally.formats.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

/**
 * {@link JsonBytes} against the reference it replaced on the hot paths: {@link CanonicalJson#string} and
 * {@link StringBuilder#append(long)} into a StringBuilder, then {@code getBytes(UTF_8)}; on seeded random strings
 * (escapes, controls, non-ASCII, surrogate pairs and lone surrogates) and numbers (negative, zero, the extremes).
 */
class JsonBytesTest {
    private static final char[] ALPHABET = {
        'a', 'Z', '0', ' ', '"', '\\', '\b', '\f', '\n', '\r', '\t', '\u0001', '\u001f', '\u007f', 'é', '€', '\ud83d',
        '\ude00', '\u2028'
    };

    @Test
    void writesTheBytesOfTheStringBuilderEncodingOnSeededRandomStringsAndNumbers() {
        Random r = new Random(Seeds.seed("JsonBytesTest", 17));
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = r.nextInt(12); i > 0; i--) text.append(ALPHABET[r.nextInt(ALPHABET.length)]);
            long number = switch (r.nextInt(5)) {
                case 0 -> Long.MIN_VALUE;
                case 1 -> Long.MAX_VALUE;
                case 2 -> 0;
                default -> r.nextLong() >> r.nextInt(64);
            };
            StringBuilder sb = new StringBuilder("{");
            CanonicalJson.string(sb, text.toString());
            sb.append(':').append(number).append('}');
            byte[] want = sb.toString().getBytes(StandardCharsets.UTF_8);
            JsonBytes got = new JsonBytes(1)
                    .raw('{')
                    .string(text.toString())
                    .raw(":")
                    .number(number)
                    .raw("}");
            assertThat(got.toByteArray()).as("%s %d", text, number).isEqualTo(want);
            assertThat(got.contentEquals(want)).isTrue();
            assertThat(got.contentEquals(java.util.Arrays.copyOf(want, want.length + 1)))
                    .isFalse();
        }
    }
}
