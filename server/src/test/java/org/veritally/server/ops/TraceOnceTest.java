package org.veritally.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An internal error's stack trace is logged the first time its kind is seen, then one line only. */
class TraceOnceTest {
    static RuntimeException boom() {
        return new ArithmeticException("long overflow");
    }

    @Test
    void theFirstErrorOfAKindCarriesItsTraceAndTheNextOnesDoNot() {
        var t = new TraceOnce(false);
        RuntimeException first = boom();
        assertThat(t.traceOf(first)).isSameAs(first);
        assertThat(t.traceOf(boom())).isNull();
        assertThat(t.traceOf(boom())).isNull();
        RuntimeException other = new IllegalStateException("another kind");
        assertThat(t.traceOf(other)).isSameAs(other);
    }

    @Test
    void underDebugEveryErrorCarriesItsTrace() {
        var t = new TraceOnce(true);
        RuntimeException e = boom();
        assertThat(t.traceOf(e)).isSameAs(e);
        assertThat(t.traceOf(e)).isSameAs(e);
    }
}
