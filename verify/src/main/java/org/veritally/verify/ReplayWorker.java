package org.veritally.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.veritally.formats.replay.LogReplay;

/**
 * Runs a {@link LogReplay} on its own thread, fed bundle by bundle through a bounded queue with entries
 * decoded ahead ({@link LogReplay#decode}), so that the rule checks and the tabulation overlap with reading,
 * hashing and decoding.
 * Findings are kept up to {@value CheckResult#LISTED} (the rest counted), as a report lists them.
 *
 * <p>Thread-safety: {@link #submit} and {@link #finish} are called by one producer thread; the
 * worker thread owns the replay until {@link #finish} has joined it. {@link #close} stops the
 * worker if the producer failed.
 */
final class ReplayWorker implements AutoCloseable {

    /**
     * The replay, its first findings, how many entries it replayed, and, if the replay itself broke
     * on an entry (an entry no rule foresaw), what happened; then the replay is not finished.
     */
    record Outcome(
            LogReplay replay,
            List<org.veritally.core.validation.Problem> findings,
            long findingCount,
            long replayed,
            java.util.Optional<String> crash) {}

    private static final List<LogReplay.Decoded> END = new ArrayList<>();
    private final BlockingQueue<List<LogReplay.Decoded>> queue = new ArrayBlockingQueue<>(64);
    private final LogReplay replay = new LogReplay();
    private final List<org.veritally.core.validation.Problem> findings = new ArrayList<>();
    private final Thread thread;
    private volatile String crash;
    private long findingCount;
    private long replayed;

    ReplayWorker() {
        thread = new Thread(this::work, "verify-replay");
        thread.setDaemon(true);
        thread.start();
    }

    private void work() {
        try {
            for (List<LogReplay.Decoded> batch = queue.take(); batch != END; batch = queue.take()) {
                for (LogReplay.Decoded entry : batch) {
                    for (org.veritally.core.validation.Problem f : replay.accept(entry)) {
                        if (findings.size() < CheckResult.LISTED) {
                            findings.add(f);
                        }
                        findingCount++;
                    }
                    replayed++;
                }
            }
            replay.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Evidence, not a bug to hide: a hostile entry must not turn a failed verification into a crash.
            crash = "the replay broke at entry " + replayed + ": " + e;
            queue.clear();
        }
    }

    /** Queues the next entries, in log order. */
    void submit(List<LogReplay.Decoded> entries) {
        put(entries);
    }

    /** Waits for the replay to finish every queued entry and compute its totals. */
    Outcome finish() {
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the log", e);
        }
        return new Outcome(replay, List.copyOf(findings), findingCount, replayed, java.util.Optional.ofNullable(crash));
    }

    private void put(List<LogReplay.Decoded> item) {
        try {
            while (thread.isAlive()) { // once the replay has stopped early, finish() reports why
                if (queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the log", e);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
