package org.veritally.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a driven clock, the limit syntax, and client address keys. */
class RateLimiterTest {
    static final long S = 1_000_000_000L;

    @Test
    void bucketGrantsTheBurstThenRefillsAtTheRate() {
        var clock = new AtomicLong(0);
        var l = new RateLimiter(RateLimit.parse("2/s:5"), clock::get);
        for (int i = 0; i < 5; i++) assertThat(l.charge("a")).isZero();
        assertThat(l.charge("a")).as("empty: wait for the next token").isEqualTo(1);
        assertThat(l.charge("b")).as("another key has its own bucket").isZero();
        clock.addAndGet(S / 2);
        assertThat(l.charge("a")).isZero();
        assertThat(l.charge("a")).isEqualTo(1);
        clock.addAndGet(100 * S);
        for (int i = 0; i < 5; i++)
            assertThat(l.charge("a")).as("refilled to the burst, not beyond").isZero();
        assertThat(l.charge("a")).isPositive();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextToken() {
        var clock = new AtomicLong(0);
        var l = new RateLimiter(RateLimit.parse("1/m"), clock::get);
        assertThat(l.charge("a")).isZero();
        assertThat(l.charge("a")).isEqualTo(60);
        clock.addAndGet(45 * S);
        assertThat(l.charge("a")).isEqualTo(15);
    }

    @Test
    void offNeverRefusesAndKeepsNoState() {
        var l = new RateLimiter(RateLimit.OFF, () -> 0L);
        for (int i = 0; i < 1000; i++) assertThat(l.charge("k" + i)).isZero();
        assertThat(l.size()).isZero();
    }

    @Test
    void idleBucketsAreSweptSoMemoryStaysBounded() {
        var clock = new AtomicLong(0);
        var l = new RateLimiter(RateLimit.parse("10/s"), clock::get);
        for (int i = 0; i <= RateLimiter.SWEEP_ABOVE; i++) l.charge("k" + i);
        clock.addAndGet(5 * S);
        l.charge("new");
        assertThat(l.size()).isEqualTo(1);
    }

    @Test
    void limitSyntax() {
        assertThat(RateLimit.parse("20/s:200")).isEqualTo(new RateLimit(20, 1, 200));
        assertThat(RateLimit.parse("600/m")).isEqualTo(new RateLimit(600, 60, 600));
        assertThat(RateLimit.parse("5/h").perSecond()).isEqualTo(5 / 3600.0);
        assertThat(RateLimit.parse("off").enabled()).isFalse();
        assertThat(RateLimit.parse("20/s:200")).hasToString("20/s:200");
        for (String bad : new String[] {"", "0/s", "-1/s", "10", "10/d", "10/s:0", "10/s:", "1e3/s", " 10/s"}) {
            assertThatThrownBy(() -> RateLimit.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void clientAddressKeys() {
        assertThat(ClientAddress.key("10.0.0.1", Optional.empty())).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.key("10.0.0.1", Optional.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.key("10.0.0.1", Optional.of("1.1.1.1, 203.0.113.9")))
                .as("X-Forwarded-For: the proxy's own hop")
                .isEqualTo("203.0.113.9");
        assertThat(ClientAddress.key("10.0.0.1", Optional.of("evil.example")))
                .as("not a literal: ignored, never resolved")
                .isEqualTo("10.0.0.1");
        assertThat(ClientAddress.key("10.0.0.1", Optional.of("cafe.be"))).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.key("2001:db8:1:2:3:4:5:6", Optional.empty()))
                .isEqualTo(ClientAddress.key("[2001:db8:1:2:ffff::1]", Optional.empty()))
                .isEqualTo("v6:2001:db8:1:2::/64");
        assertThat(ClientAddress.key("::ffff:192.0.2.1", Optional.empty())).isEqualTo("192.0.2.1");
    }
}
