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
 * committed. A full queue refuses at once ({@link Busy}) rather than piling up latency. Sheets and
 * transcription work ({@link RecordTranscription.Work}: transcriptions, flags, pauses) queue together; a
 * round commits the sheets it took in one transaction and the work in another.
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

    private sealed interface Request {
        CompletableFuture<Outcome> result();
    }

    private record SheetRequest(
            TallySheet sheet,
            Optional<org.veritally.core.entry.SheetSignature> signature,
            String account,
            CompletableFuture<Outcome> result)
            implements Request {}

    private record WorkRequest(RecordTranscription.Work work, CompletableFuture<Outcome> result) implements Request {}

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

    /** Where a batch of transcription work goes: {@link RecordTranscription#record(List, Optional)}. */
    @FunctionalInterface
    public interface WorkIntake {
        Outcome record(List<RecordTranscription.Work> work);
    }

    private final Optional<WorkIntake> work;

    /** Sheets only, to the sequencer. */
    public GroupCommit(Sequencer sequencer) {
        this((rows, accounts) -> sequencer.submit(rows, accounts, DuplicateRows.none(), false));
    }

    /** Sheets to the sequencer and transcription work to {@code transcriptions}, both in this process. */
    public GroupCommit(Sequencer sequencer, RecordTranscription transcriptions) {
        this(
                (rows, accounts) -> sequencer.submit(rows, accounts, DuplicateRows.none(), false),
                Optional.of(w -> transcriptions.record(w, Optional.empty())));
    }

    /** Sheets only, to {@code intake}. */
    public GroupCommit(Intake intake) {
        this(intake, Optional.empty());
    }

    public GroupCommit(Intake intake, Optional<WorkIntake> work) {
        this.intake = intake;
        this.work = work;
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
        return offer(new SheetRequest(sheet, signature, account, new CompletableFuture<>()));
    }

    /**
     * Queues one piece of transcription work; the future completes after its batch committed (or failed), with
     * the outcome of this piece alone, located at its own location.
     *
     * @throws IllegalStateException if this group commit takes no transcription work (a cluster's: see {@code
     *     Instance#submitWork})
     */
    public CompletableFuture<Outcome> submit(RecordTranscription.Work w) {
        if (work.isEmpty()) throw new IllegalStateException("this group commit takes sheets only");
        return offer(new WorkRequest(w, new CompletableFuture<>()));
    }

    private CompletableFuture<Outcome> offer(Request r) {
        if (!running || !queue.offer(r)) throw new Busy();
        return r.result();
    }

    /**
     * Waits for a queued submission's outcome, at most 30 s.
     *
     * @throws Busy if it did not come in time (the caller answers 503 SRV-BUSY)
     */
    public static Outcome await(CompletableFuture<Outcome> f) {
        try {
            return f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new Busy();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private void process(List<Request> round) {
        List<SheetRequest> sheets = new ArrayList<>(round.size());
        List<WorkRequest> works = new ArrayList<>();
        for (Request r : round) {
            if (r instanceof SheetRequest s) sheets.add(s);
            else works.add((WorkRequest) r);
        }
        if (!sheets.isEmpty()) sheets(sheets);
        if (!works.isEmpty()) works(works);
    }

    private void works(List<WorkRequest> batch) {
        List<RecordTranscription.Work> all = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            var w = batch.get(i).work();
            all.add(new RecordTranscription.Work(w.entry(), w.account(), token(i)));
        }
        complete(
                batch,
                () -> work.orElseThrow().record(all),
                i -> batch.get(i).work().location());
    }

    private void sheets(List<SheetRequest> batch) {
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
        complete(batch, () -> intake.submit(rows, accounts), i -> "request");
    }

    /**
     * Runs one batch and completes each request with its own part of the outcome, located at {@code where} of it
     * (what followed the batch location {@code request#N} is kept).
     */
    private static void complete(
            List<? extends Request> batch,
            java.util.function.Supplier<Outcome> run,
            java.util.function.IntFunction<String> where) {
        Outcome all;
        try {
            all = run.get();
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
            if (i >= 0) acc.get(i).add(a.at(where.apply(i)));
        }
        for (Problem p : all.rejected()) {
            int i = request(p.location(), batch.size());
            if (i >= 0)
                rej.get(i)
                        .add(new Problem(
                                p.rule(), where.apply(i) + p.location().substring(token(i).length()), p.message()));
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
