package org.veritally.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessagesTest {
    @ParameterizedTest
    @EnumSource(Lang.class)
    void everyLanguageHasEveryEnglishKeyAndNoOther(Lang lang) {
        assertThat(Messages.of(lang).keys())
                .containsExactlyInAnyOrderElementsOf(Messages.of(Lang.EN).keys());
        for (String k : Messages.of(lang).keys())
            assertThat(Messages.of(lang).get(k)).as(lang + " " + k).isNotBlank();
    }

    @Test
    void formatFillsPlaceholders() {
        assertThat(Messages.of(Lang.ES).format("station.title", "P1")).isEqualTo("Mesa P1");
    }

    @Test
    void aMissingKeyFailsLoudly() {
        assertThatThrownBy(() -> Messages.of(Lang.PT).get("no.such.key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pt");
    }

    @Test
    void negotiatesFromAcceptLanguage() {
        assertThat(Lang.negotiate("es-VE,es;q=0.9,en;q=0.8")).isEqualTo(Lang.ES);
        assertThat(Lang.negotiate("fr-FR, pt-BR;q=0.8, en;q=0.5")).isEqualTo(Lang.PT);
        assertThat(Lang.negotiate("in-ID")).isEqualTo(Lang.ID);
        assertThat(Lang.negotiate("de")).isEqualTo(Lang.EN);
        assertThat(Lang.negotiate("")).isEqualTo(Lang.EN);
        assertThat(Lang.negotiate(";;;garbage")).isEqualTo(Lang.EN);
    }
}
