package org.veritally.server.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.formats.csv.SheetRow;

/**
 * Group commit for online submissions: requests queue up while the sequencer commits, and the next
 * transaction takes all of them at once (up to {@value #MAX_BATCH}), so one fsync serves many
 * requests. Each request still gets only its own outcome, and only after the transaction holding it
 * committed. A full queue refuses at once ({@link Busy}) rather than piling up latency.
 *
 * <p>Thread-safety: {@link #submit} may be called from any thread; one daemon thread runs batches.
 */
public final class GroupCommit implements AutoCloseable {
    static final int MAX_BATCH = 1000;
    private final Intake intake;
    /**
     * At most this many submissions wait; beyond it the server sheds load (503 SRV-BUSY) instead of running out of
     * memory.
     */
    static final int MAX_WAITING = 2_000;
    /**
     * Batches start at most this often. Every batch pays a fixed cost whatever its size — the signed
     * checkpoint (an Ed25519 signature, about 0.5 ms with the JDK's provider on this hardware) and a
     * durable commit — so without pacing a steady trickle of requests makes one-sheet batches and
     * spends most of the CPU signing. With it, at most 100 batches/s, at the price of at most 10 ms
     * more latency, and only for a request that arrives within 10 ms of the previous batch's start.
     */
    static final long BATCH_EVERY_NANOS = 10_000_000;

    private final BlockingQueue<Request> queue = new ArrayBlockingQueue<>(MAX_WAITING);
    private final Thread worker;
    private volatile boolean running = true;

    private record Request(
            TallySheet sheet,
            Optional<org.veritally.core.entry.SheetSignature> signature,
            String account,
            CompletableFuture<Outcome> result) {}

    /** The queue is full: the caller should answer 503 with Retry-After. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("the sequencer's queue is full");
        }
    }

    /**
     * Where a batch goes: the sequencer of this process, or, on an instance that is not the
     * sequencer, the database's submission queue. Either way the outcome is returned only after the
     * entries it accepts are durably in the log.
     */
    @FunctionalInterface
    public interface Intake {
        Outcome submit(List<SheetRow> rows, List<String> accounts);
    }

    public GroupCommit(Sequencer sequencer) {
        this((rows, accounts) -> sequencer.submit(rows, accounts, DuplicateRows.none(), false));
    }

    public GroupCommit(Intake intake) {
        this.intake = intake;
        this.worker = new Thread(this::run, "veritally-group-commit");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues one sheet; the future completes after its batch committed (or failed). */
    public CompletableFuture<Outcome> submit(TallySheet sheet, String account) {
        return submit(sheet, Optional.empty(), account);
    }

    /** Queues one sheet with the submitter's signature, if it signed. */
    public CompletableFuture<Outcome> submit(
            TallySheet sheet, Optional<org.veritally.core.entry.SheetSignature> signature, String account) {
        var r = new Request(sheet, signature, account, new CompletableFuture<>());
        if (!running || !queue.offer(r)) throw new Busy();
        return r.result();
    }

    private void run() {
        List<Request> batch = new ArrayList<>(MAX_BATCH);
        long lastStart = System.nanoTime() - BATCH_EVERY_NANOS;
        while (running) {
            try {
                batch.add(queue.take());
                long wait = lastStart + BATCH_EVERY_NANOS - System.nanoTime();
                if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait); // gather what arrives meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            lastStart = System.nanoTime();
            process(batch);
            batch.clear();
        }
    }

    private void process(List<Request> batch) {
        List<SheetRow> rows = new ArrayList<>(batch.size());
        List<String> accounts = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            rows.add(new SheetRow(
                    token(i),
                    Optional.of(batch.get(i).sheet()),
                    List.of(),
                    batch.get(i).signature()));
            accounts.add(batch.get(i).account());
        }
        Outcome all;
        try {
            all = intake.submit(rows, accounts);
        } catch (RuntimeException e) {
            for (Request r : batch) r.result().completeExceptionally(e);
            return;
        }
        List<List<Accepted>> acc = new ArrayList<>(batch.size());
        List<List<Problem>> rej = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            acc.add(new ArrayList<>(1));
            rej.add(new ArrayList<>(0));
        }
        for (Accepted a : all.accepted()) {
            int i = request(a.location(), batch.size());
            if (i >= 0) acc.get(i).add(a.at("request"));
        }
        for (Problem p : all.rejected()) {
            int i = request(p.location(), batch.size());
            if (i >= 0)
                rej.get(i)
                        .add(new Problem(p.rule(), "request" + p.location().substring(token(i).length()), p.message()));
        }
        for (int i = 0; i < batch.size(); i++)
            batch.get(i).result().complete(new Outcome(acc.get(i), rej.get(i), all.logSize(), all.written()));
    }

    /** The request a batch location belongs to ({@code request#N}, possibly followed by a space and more), or -1. */
    private static int request(String location, int requests) {
        if (!location.startsWith(TOKEN)) return -1;
        int to = location.indexOf(' ', TOKEN.length());
        try {
            int i = Integer.parseInt(location, TOKEN.length(), to < 0 ? location.length() : to, 10);
            return i >= 0 && i < requests ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final String TOKEN = "request#";

    private static String token(int i) {
        return TOKEN + i;
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }
}
