package org.veritally.web.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Results that read every sheet, kept per key while they are fresh: computed at the current log
 * size, or younger than {@code maxAgeMs}. Why both: on election night the log grows every second,
 * so a result keyed by log size alone would be recomputed for nearly every reader, while a quiet log
 * should keep its result for good. A page built from a kept result says at which log size it was
 * computed. Computations are serialised, so a burst of readers costs one run. Thread-safe.
 */
final class LogBoundCache<K, V> {
    private final long maxAgeMs;
    private final LongSupplier clock;
    private final Map<K, Held<V>> held = new ConcurrentHashMap<>();

    private record Held<V>(V value, long logSize, long atMs) {}

    LogBoundCache(long maxAgeMs, LongSupplier clock) {
        this.maxAgeMs = maxAgeMs;
        this.clock = clock;
    }

    /** The kept value for {@code key} if fresh at {@code logSize}, else {@code compute}'s (then kept). */
    V get(K key, long logSize, Supplier<V> compute) {
        Held<V> h = held.get(key);
        if (h != null && fresh(h, logSize)) return h.value();
        synchronized (this) {
            h = held.get(key);
            if (h != null && fresh(h, logSize)) return h.value();
            V v = compute.get();
            held.put(key, new Held<>(v, logSize, clock.getAsLong()));
            return v;
        }
    }

    private boolean fresh(Held<V> h, long logSize) {
        return h.logSize() == logSize || clock.getAsLong() - h.atMs() < maxAgeMs;
    }
}
