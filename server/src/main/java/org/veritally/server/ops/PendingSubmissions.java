package org.veritally.server.ops;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Sheet submissions received and not yet answered, with the time each arrived: their number and the
 * age of the oldest are the sequencer's lag as a client sees it (validation, the group-commit queue,
 * the transaction and its fsync). Keyed by an opaque per-request object, so finishing a request twice
 * is harmless. Thread-safe.
 */
public final class PendingSubmissions {
    private final ConcurrentHashMap<Object, Long> started = new ConcurrentHashMap<>();
    private final LongSupplier nanos;

    public PendingSubmissions(LongSupplier nanos) {
        this.nanos = nanos;
    }

    public void start(Object request) {
        started.put(request, nanos.getAsLong());
    }

    public void finish(Object request) {
        started.remove(request);
    }

    public int count() {
        return started.size();
    }

    /** Seconds the oldest pending submission has waited; 0 when there is none. */
    public double oldestSeconds() {
        long now = nanos.getAsLong();
        long oldest = now;
        for (long t : started.values()) oldest = Math.min(oldest, t);
        return (now - oldest) / 1e9;
    }
}
