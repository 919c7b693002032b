package org.veritally.server.intake;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.veritally.store.Store;
import org.veritally.store.StoreException;
import org.veritally.store.Tx;

/**
 * Writes the batches of a bulk import on a thread of its own, so that preparing batch k+1
 * (validation, canonical encoding, hashing, tabulation) overlaps the database work of batch k. Each
 * batch is still one transaction, written in order, so a kill leaves whole batches. The in-memory
 * state runs at most {@value #DEPTH} batches ahead of the database; it is only ever read by this
 * process, which {@link #drain}s before it reports anything, and a failed write ends the import
 * (the next call rethrows the failure). Not for online submissions, whose receipts must follow the
 * commit: those use {@link GroupCommit}.
 *
 * <p>While it is open the store is in bulk mode ({@link Store#beginBulk}: on SQLite, commits are atomic but the WAL
 * is synced only at the end); {@link #close} ends it, and every batch committed is durable when it returns, so the
 * caller acknowledges nothing before it.
 */
public final class BulkWriter implements AutoCloseable {
    static final int DEPTH = 2;
    private final Store store;

    private record Job(Consumer<Tx> writes, Runnable afterCommit) {}

    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(DEPTH);
    private final Thread thread;
    private volatile RuntimeException failure;
    private final Object done = new Object();
    private long enqueued;
    private long written;
    private static final Job STOP = new Job(tx -> {}, () -> {});

    public BulkWriter(Store store) {
        this.store = store;
        store.beginBulk();
        this.thread = new Thread(this::run, "veritally-bulk-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (true) {
            Job w;
            try {
                w = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (w == STOP) return;
            try {
                if (failure == null) {
                    store.write(tx -> {
                        w.writes().accept(tx);
                        return null;
                    });
                    w.afterCommit().run();
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            synchronized (done) {
                written++;
                done.notifyAll();
            }
        }
    }

    /** Queues one batch's writes, and what to do once they committed (blocks while {@value #DEPTH} batches wait). */
    void enqueue(Consumer<Tx> writes, Runnable afterCommit) {
        check();
        try {
            queue.put(new Job(writes, afterCommit));
            enqueued++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while queueing a batch", e);
        }
    }

    /** Waits until every queued batch is committed; rethrows a write failure. */
    public void drain() {
        synchronized (done) {
            while (written < enqueued) {
                try {
                    done.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while draining", e);
                }
            }
        }
        check();
    }

    private void check() {
        if (failure != null)
            throw new StoreException("a batch failed to commit; the import stops: " + failure.getMessage(), failure);
    }

    /** Drains, stops the writer's thread and ends bulk mode: what was committed is durable when this returns. */
    @Override
    public void close() {
        try {
            drain();
        } finally {
            try {
                if (queue.offer(STOP)) thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                store.endBulk();
            }
        }
    }
}
