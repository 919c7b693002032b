package org.veritally.verify.io;

import java.time.Duration;

/**
 * How {@link HttpLog} treats a web server: how many requests it keeps in flight, how often it tries a
 * request that failed for a reason that may pass (a dropped connection, HTTP 429, 502, 503, 504), and
 * how long it waits between tries. Plain static servers ({@code python3 -m http.server}, a small nginx)
 * drop connections under load; a few requests at a time and a patient retry read them whole. Immutable.
 *
 * @param concurrency requests in flight at once, 1 to 64
 * @param attempts tries of each request before giving up, 1 to 20
 * @param firstBackoff the wait before the second try; it doubles at each later try
 * @param maxBackoff the longest wait between two tries, also the most a {@code Retry-After} answer is
 *     honoured for
 */
public record HttpPolicy(int concurrency, int attempts, Duration firstBackoff, Duration maxBackoff) {

    /** Four requests in flight, six tries, 50 ms doubling up to 5 s. */
    public static final HttpPolicy DEFAULT = new HttpPolicy(4, 6, Duration.ofMillis(50), Duration.ofSeconds(5));

    public HttpPolicy {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("HTTP concurrency must be 1 to 64, not " + concurrency);
        }
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("HTTP attempts must be 1 to 20, not " + attempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= firstBackoff <= maxBackoff");
        }
    }

    /** This policy with {@code n} requests in flight. */
    public HttpPolicy withConcurrency(int n) {
        return new HttpPolicy(n, attempts, firstBackoff, maxBackoff);
    }

    /** The wait before try {@code attempt} (2 for the first retry): exponential, capped at {@link #maxBackoff}. */
    Duration backoff(int attempt) {
        long ms = firstBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 2));
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }
}
