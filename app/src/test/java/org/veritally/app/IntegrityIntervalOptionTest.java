package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code serve --integrity-check-every}: N s|m|h, 0 for start-up only, or ISO-8601; nothing negative. */
class IntegrityIntervalOptionTest {
    final ServeCommand.IntervalConverter parse = new ServeCommand.IntervalConverter();

    @Test
    void takesSecondsMinutesHoursZeroAndIsoDurations() {
        assertThat(parse.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(parse.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(parse.convert("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(parse.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(parse.convert("0")).isZero();
        assertThat(parse.convert("PT2H30M")).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void refusesNegativeAndMalformedDurations() {
        for (String bad : new String[] {"-5m", "PT-1H", "1d", "hourly", ""}) {
            assertThatThrownBy(() -> parse.convert(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a duration");
        }
    }
}
