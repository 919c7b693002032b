package org.veritally.server.ops;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (an account id, a client address) under one {@link RateLimit}. Memory stays
 * bounded: once more than {@value #SWEEP_ABOVE} keys are held, buckets that have refilled completely
 * (idle clients) are dropped, at most once a second; a dropped bucket is indistinguishable from a new
 * one. Thread-safe.
 */
public final class RateLimiter {
    static final int SWEEP_ABOVE = 50_000;
    private final RateLimit limit;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    public RateLimiter(RateLimit limit, LongSupplier nanos) {
        this.limit = limit;
        this.nanos = nanos;
        this.lastSweep.set(nanos.getAsLong());
    }

    public RateLimit limit() {
        return limit;
    }

    /**
     * Charges one request to {@code key}: 0 when allowed (or when the limit is off), else the whole
     * seconds to wait before retrying (at least 1), for {@code Retry-After}.
     */
    public long charge(String key) {
        if (!limit.enabled()) return 0;
        long now = nanos.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) sweep(now);
        long wait =
                buckets.computeIfAbsent(key, k -> new TokenBucket(limit, now)).take(now);
        return wait == 0 ? 0 : Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }

    /** How many keys hold a bucket (for tests and metrics). */
    public int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        long prev = lastSweep.get();
        if (now - prev < 1_000_000_000L || !lastSweep.compareAndSet(prev, now)) return;
        buckets.values().removeIf(b -> b.full(now));
    }
}
