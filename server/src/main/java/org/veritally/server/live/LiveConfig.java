package org.veritally.server.live;

import java.time.Duration;

/**
 * Limits of the live event stream ({@code serve} options; docs/operations.md). Immutable.
 *
 * @param maxStreams the most concurrent {@code /api/events} streams; one more is refused with HTTP 503
 *     {@code SRV-STREAMS} and {@code Retry-After} ({@code --max-event-streams})
 * @param minInterval the shortest time between two events: the checkpoints committed meanwhile are coalesced
 *     into one event naming the latest and every unit changed since the previous event
 * @param heartbeat how often a comment line is sent to every stream, so proxies keep it open and dead
 *     connections are found; skipped when an event was broadcast since the last one (it did the same), so a
 *     stream that was sent nothing waits at most two intervals for a byte
 * @param retry the reconnection delay suggested to clients (the {@code retry:} field)
 * @param history how many past events are kept to tell a reconnecting client which units changed since the
 *     event it names ({@code Last-Event-ID}); an older one is told that every unit may have changed
 * @param fanOut how many threads wake the streams of one event, each a slice of them (the broadcaster and
 *     {@code fanOut - 1} helpers): the writes of one event to 10,000 streams are 10,000 socket writes, which
 *     the cores share (docs/performance.md, "Live push")
 */
public record LiveConfig(
        int maxStreams, Duration minInterval, Duration heartbeat, Duration retry, int history, int fanOut) {
    public static final int DEFAULT_MAX_STREAMS = 10_000;

    /** As the full constructor, with one fan-out thread per available processor. */
    public LiveConfig(int maxStreams, Duration minInterval, Duration heartbeat, Duration retry, int history) {
        this(maxStreams, minInterval, heartbeat, retry, history, defaultFanOut());
    }

    /** One per available processor, at most 8. */
    public static int defaultFanOut() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    public LiveConfig {
        if (maxStreams < 0) throw new IllegalArgumentException("the stream limit must not be negative");
        if (minInterval.isNegative()) throw new IllegalArgumentException("negative interval between events");
        if (heartbeat.isNegative() || heartbeat.isZero())
            throw new IllegalArgumentException("the heartbeat interval must be positive");
        if (retry.isNegative()) throw new IllegalArgumentException("negative retry delay");
        if (history < 1) throw new IllegalArgumentException("the history must keep at least one event");
        if (fanOut < 1) throw new IllegalArgumentException("the fan-out needs at least one thread");
    }

    /**
     * 10,000 streams, events at most every 250 ms, a heartbeat every 15 s, clients retry after 3 s, 1,024 events,
     * a fan-out thread per processor.
     */
    public static LiveConfig defaults() {
        return new LiveConfig(
                DEFAULT_MAX_STREAMS, Duration.ofMillis(250), Duration.ofSeconds(15), Duration.ofSeconds(3), 1024);
    }

    public LiveConfig withMaxStreams(int n) {
        return new LiveConfig(n, minInterval, heartbeat, retry, history, fanOut);
    }

    public LiveConfig withHeartbeat(Duration d) {
        return new LiveConfig(maxStreams, minInterval, d, retry, history, fanOut);
    }

    public LiveConfig withMinInterval(Duration d) {
        return new LiveConfig(maxStreams, d, heartbeat, retry, history, fanOut);
    }

    public LiveConfig withFanOut(int threads) {
        return new LiveConfig(maxStreams, minInterval, heartbeat, retry, history, threads);
    }
}
