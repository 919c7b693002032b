package org.veritally.server.live;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one action on every subscriber of a snapshot, in contiguous slices: the calling thread takes the first
 * slice and {@code threads - 1} helper threads the others, and {@link #each} returns when all are done. Waking a
 * stream is a socket write (docs/performance.md, "Live push"), so 10,000 of them are worth sharing between the
 * cores; fewer than {@value #MIN_SLICE} subscribers a thread are not split, as handing a slice over would cost
 * more than it saves. Thread-safe for one caller at a time (the broadcaster).
 */
final class FanOut implements AutoCloseable {
    static final int MIN_SLICE = 256;
    private final int threads;
    private final ExecutorService helpers;

    FanOut(int threads) {
        if (threads < 1) throw new IllegalArgumentException("at least one thread");
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.helpers = threads == 1
                ? null
                : Executors.newFixedThreadPool(threads - 1, r -> {
                    Thread t = new Thread(r, "veritally-live-fanout-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Applies {@code action} to every element of {@code all}; an action must not block (it is a wake or a beat). */
    void each(LiveFeed.Subscriber[] all, Consumer<LiveFeed.Subscriber> action) {
        int parts = Math.max(1, Math.min(threads, all.length / MIN_SLICE));
        if (parts == 1) {
            for (LiveFeed.Subscriber s : all) action.accept(s);
            return;
        }
        CountDownLatch done = new CountDownLatch(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) all.length * p / parts);
            int to = (int) ((long) all.length * (p + 1) / parts);
            helpers.execute(() -> {
                try {
                    for (int i = from; i < to; i++) action.accept(all[i]);
                } finally {
                    done.countDown();
                }
            });
        }
        for (int i = 0, to = all.length / parts; i < to; i++) action.accept(all[i]);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (helpers == null) return;
        helpers.shutdown();
        try {
            helpers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
