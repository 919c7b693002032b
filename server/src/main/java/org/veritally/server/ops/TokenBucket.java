package org.veritally.server.ops;

/**
 * One token bucket: holds up to {@code burst} tokens, refilled continuously at the limit's rate; a
 * request takes one token or is refused with the time until the next one. Time is passed in (nanoseconds
 * from any fixed origin), so tests drive it without sleeping. Thread-safe (synchronized; a bucket is
 * touched once per request).
 */
final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(RateLimit limit, long nowNanos) {
        if (!limit.enabled()) throw new IllegalArgumentException("no bucket for a disabled limit");
        this.capacity = limit.burst();
        this.perNano = limit.perSecond() / 1e9;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes a token: 0 when granted, else the nanoseconds until one is available (at least 1). */
    synchronized long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }

    /** True when the bucket has refilled completely: it then carries no state and may be dropped. */
    synchronized boolean full(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
        }
    }
}
