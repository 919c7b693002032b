package org.veritally.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void groupsDigitsTheWayEachLanguageWritesThem() {
        assertThat(new Numbers(Lang.EN).count(1_234_567)).isEqualTo("1,234,567");
        assertThat(new Numbers(Lang.ES).count(1_234_567)).isEqualTo("1.234.567");
        assertThat(new Numbers(Lang.ID).count(1_234_567)).isEqualTo("1.234.567");
        assertThat(new Numbers(Lang.PT).count(1_234_567)).isEqualTo("1.234.567");
    }

    @Test
    void sharesHaveOneDecimalWithTheLocalSeparator() {
        assertThat(new Numbers(Lang.EN).share(2, 3)).isEqualTo("66.7%");
        assertThat(new Numbers(Lang.ES).share(2, 3)).contains("66,7").contains("%");
        assertThat(new Numbers(Lang.ID).share(2, 3)).contains("66,7").contains("%");
        assertThat(new Numbers(Lang.PT).share(2, 3)).contains("66,7").contains("%");
    }

    @Test
    void aShareOfNothingIsADashNotNaN() {
        assertThat(new Numbers(Lang.EN).share(0, 0)).isEqualTo("–");
        assertThat(Numbers.ratio(5, 0)).isZero();
    }

    @Test
    void probabilitiesAreReadableAtEveryScale() {
        Numbers en = new Numbers(Lang.EN);
        assertThat(en.probability(0.51)).isEqualTo("0.51");
        assertThat(en.probability(0.0012)).isEqualTo("0.0012");
        assertThat(en.probability(3.5e-9)).isEqualTo("3.5 × 10⁻⁹");
        assertThat(en.probability(8.3e-21)).isEqualTo("8.3 × 10⁻²¹");
        assertThat(en.probability(9.96e-5)).isEqualTo("1.0 × 10⁻⁴");
        assertThat(en.probability(0)).isEqualTo("< 10⁻³⁰⁰");
        assertThat(en.probability(Double.NaN)).isEqualTo("–");
        assertThat(new Numbers(Lang.ES).probability(3.5e-9)).isEqualTo("3,5 × 10⁻⁹");
        assertThat(new Numbers(Lang.PT).decimal(4.187, 3)).isEqualTo("4,187");
        assertThat(new Numbers(Lang.ID).percent(0.512, 1)).contains("51,2");
    }
}
