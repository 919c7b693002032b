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
}
