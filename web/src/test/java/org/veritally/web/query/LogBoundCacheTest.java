package org.veritally.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogBoundCacheTest {
    final AtomicLong now = new AtomicLong(1_000);
    final AtomicInteger runs = new AtomicInteger();
    final LogBoundCache<String, Integer> cache = new LogBoundCache<>(30_000, now::get);

    int get(String key, long logSize) {
        return cache.get(key, logSize, runs::incrementAndGet);
    }

    @Test
    void aQuietLogKeepsItsResultForGood() {
        assertThat(get("C1|official", 100)).isEqualTo(1);
        now.addAndGet(3_600_000);
        assertThat(get("C1|official", 100)).isEqualTo(1);
    }

    @Test
    void aGrowingLogReusesAYoungResultAndRecomputesAnOldOne() {
        assertThat(get("C1|official", 100)).isEqualTo(1);
        now.addAndGet(29_999);
        assertThat(get("C1|official", 150)).isEqualTo(1);
        now.addAndGet(1);
        assertThat(get("C1|official", 150)).isEqualTo(2);
        assertThat(get("C1|official", 150)).isEqualTo(2);
    }

    @Test
    void keysAreKeptApart() {
        assertThat(get("C1|official", 100)).isEqualTo(1);
        assertThat(get("C2|official", 100)).isEqualTo(2);
        assertThat(get("C1|official", 100)).isEqualTo(1);
    }
}
