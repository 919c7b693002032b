package org.veritally.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Bounds}: the count maximum, the refused characters and the strict time forms. */
class BoundsTest {
    @Test
    void inMaxTheMaximumKeepsSumsAndProductsExactInALong() {
        assertThat(Bounds.count(Bounds.MAX_COUNT)).isTrue();
        assertThat(Bounds.count(Bounds.MAX_COUNT + 1)).isFalse();
        assertThat(Bounds.count(9_007_199_254_740_991L)).isFalse();
        // 922 million figures at the maximum, or one figure times 10^8, stay below Long.MAX_VALUE
        assertThat(Math.multiplyHigh(Bounds.MAX_COUNT, 922_000_000L)).isZero();
        assertThat(Bounds.MAX_COUNT * 922_000_000L).isPositive();
        assertThat(Bounds.MAX_COUNT * 100_000_000L).isPositive();
    }

    @Test
    void inTextRefusesNulControlsAndBidiOverridesButNotOtherScripts() {
        assertThat(Bounds.badCharacter("Andrés Bello – 北京 ☃ 😀")).isEmpty();
        assertThat(Bounds.badCharacter("a\u0000b")).hasValue(1);
        assertThat(Bounds.badCharacter("a\nb")).hasValue(1);
        assertThat(Bounds.badCharacter("\u007f")).hasValue(0);
        assertThat(Bounds.badCharacter("x\u0085")).hasValue(1);
        for (char c :
                new char[] {'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'})
            assertThat(Bounds.badCharacter("name" + c)).as("U+%04X", (int) c).hasValue(4);
        assertThat(Bounds.badCharacter("\ud800x")).hasValue(0);
        assertThat(Bounds.badCharacter("x\udc00")).hasValue(1);
        assertThat(Bounds.codePoint("a\u202eb", 1)).isEqualTo("U+202E");
    }

    @Test
    void inTimeAcceptsTheIsoFormsAndRefusesAnythingElse() {
        assertThat(Bounds.time("2024-07-29T00:06:00-04:00")).isTrue();
        assertThat(Bounds.time("2024-07-29T04:06:01.123Z")).isTrue();
        assertThat(Bounds.time("2024-07-29T00:06:00")).isTrue();
        assertThat(Bounds.time("2024-08-02")).isTrue();
        assertThat(Bounds.time("not-a-time")).isFalse();
        assertThat(Bounds.time("")).isFalse();
        assertThat(Bounds.time("2024-02-30")).isFalse();
        assertThat(Bounds.time("2024-07-29T24:00:00Z")).isFalse();
        assertThat(Bounds.time("2024-07-29 00:06:00")).isFalse();
        assertThat(Bounds.time("29/07/2024")).isFalse();
        assertThat(Bounds.time("2024-07-29T00:06:00-04:00" + "0".repeat(64))).isFalse();
    }
}
