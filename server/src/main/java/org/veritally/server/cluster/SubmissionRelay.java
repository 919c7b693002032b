package org.veritally.server.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.validation.Problem;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.Instance;
import org.veritally.server.intake.Accepted;
import org.veritally.server.intake.GroupCommit;
import org.veritally.server.intake.Outcome;
import org.veritally.store.StoreException;
import org.veritally.store.Submissions;

/**
 * The intake of an instance that is not the sequencer: queues a batch of sheets in the database
 * (one transaction, each sheet as its canonical entry with its signature), or one announcement or
 * key registration as its canonical entry, and polls every {@value #POLL_MS} ms until the
 * sequencer recorded an answer for each. The sequencer records an answer in the transaction that
 * appends the entry, so an answer means the entry is durably in the log. After {@value #WAIT_MS} ms
 * without every answer it withdraws the queued rows, all or none ({@link Submissions#cancel}), and
 * fails with {@link StoreException} (HTTP 503): nothing of it is recorded, and a late sequencer that
 * picks a withdrawn row up rolls its batch back. If part was answered meanwhile the sequencer is at
 * work, and it waits on, at most {@value #EXTENSIONS} more times. Thread-safe (the group-commit
 * thread and HTTP threads call it).
 */
final class SubmissionRelay implements GroupCommit.Intake {
    static final long POLL_MS = 5;
    static final long WAIT_MS = 25_000;
    static final int EXTENSIONS = 2;
    private final Instance instance;
    private final Submissions queue;
    private final long waitMs;

    SubmissionRelay(Instance instance) {
        this(instance, WAIT_MS);
    }

    /** With another time-out than {@value #WAIT_MS} ms (tests). */
    SubmissionRelay(Instance instance, long waitMs) {
        this.waitMs = waitMs;
        this.instance = instance;
        this.queue = new Submissions(instance.store());
    }

    @Override
    public Outcome submit(List<SheetRow> rows, List<String> accounts) {
        List<byte[]> payloads = new ArrayList<>(rows.size());
        List<String> queuedAccounts = new ArrayList<>(rows.size());
        List<Integer> queuedRows = new ArrayList<>(rows.size());
        List<Problem> rejected = new ArrayList<>();
        var codec = instance.state().codec();
        for (int i = 0; i < rows.size(); i++) {
            SheetRow r = rows.get(i);
            if (!r.problems().isEmpty() || r.sheet().isEmpty()) {
                rejected.addAll(r.problems());
                continue;
            }
            payloads.add(codec.encode(new SheetEntry(r.sheet().get(), r.signature())));
            queuedAccounts.add(accounts.get(i));
            queuedRows.add(i);
        }
        if (payloads.isEmpty())
            return new Outcome(List.of(), rejected, instance.state().logSize(), false);
        List<Long> ids = queue.enqueue(payloads, queuedAccounts, System.currentTimeMillis());
        Map<Long, String> answers = await(ids);
        List<Accepted> accepted = new ArrayList<>();
        long logSize = 0;
        boolean written = false;
        for (int k = 0; k < ids.size(); k++) {
            Outcome o = OutcomeJson.read(
                    answers.get(ids.get(k)), rows.get(queuedRows.get(k)).location());
            accepted.addAll(o.accepted());
            rejected.addAll(o.rejected());
            logSize = Math.max(logSize, o.logSize());
            written |= o.written();
        }
        return new Outcome(accepted, rejected, logSize, written);
    }

    /**
     * A batch of transcription work, queued in one transaction (each piece as its canonical entry) and answered
     * piece by piece, each at its own work's location; the sequencer integrates consecutive work as one batch.
     * Once answered, this instance catches up with the log, so its queue and pages see the work.
     */
    Outcome submit(List<org.veritally.server.intake.RecordTranscription.Work> work) {
        var codec = instance.state().codec();
        List<byte[]> payloads = new ArrayList<>(work.size());
        List<String> accounts = new ArrayList<>(work.size());
        for (var w : work) {
            payloads.add(codec.encode(w.entry()));
            accounts.add(w.account());
        }
        List<Long> ids = queue.enqueue(payloads, accounts, System.currentTimeMillis());
        Map<Long, String> answers = await(ids);
        List<Accepted> accepted = new ArrayList<>();
        List<Problem> rejected = new ArrayList<>();
        long logSize = 0;
        boolean written = false;
        for (int k = 0; k < ids.size(); k++) {
            Outcome o = OutcomeJson.read(answers.get(ids.get(k)), work.get(k).location());
            accepted.addAll(o.accepted());
            rejected.addAll(o.rejected());
            logSize = Math.max(logSize, o.logSize());
            written |= o.written();
        }
        caughtUp();
        return new Outcome(accepted, rejected, logSize, written);
    }

    /** Catches up with the log after a queued write was answered; the write is in the log whatever happens here. */
    private void caughtUp() {
        try {
            instance.catchUp();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SubmissionRelay.class)
                    .warn("catching up after a queued write: {}", e.toString());
        }
    }

    /**
     * One announcement or key registration, queued as its canonical entry and answered like a sheet,
     * with the answer's locations under {@code location}. Once answered, this instance catches up with
     * the log, so its next read shows the entry.
     */
    Outcome submit(Entry entry, String account, String location) {
        long id = queue.enqueue(
                        List.of(instance.state().codec().encode(entry)), List.of(account), System.currentTimeMillis())
                .get(0);
        Outcome o = OutcomeJson.read(await(List.of(id)).get(id), location);
        try {
            instance.catchUp(); // so this instance's next read shows the entry; it is in the log whatever happens here
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SubmissionRelay.class)
                    .warn("catching up after a queued write: {}", e.toString());
        }
        return o;
    }

    private Map<Long, String> await(List<Long> ids) {
        long from = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long to = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        long deadline = System.nanoTime() + waitMs * 1_000_000;
        int extensions = 0;
        while (true) {
            Map<Long, String> got = queue.results(from, to);
            if (got.keySet().containsAll(ids)) return got;
            if (System.nanoTime() > deadline) {
                // withdraw it, all or none, so that "not recorded" is true; if the sequencer answered part of
                // it meanwhile, it is at work on the rest: wait on (at most EXTENSIONS times)
                if (queue.cancel(ids, System.currentTimeMillis())) {
                    throw new StoreException(
                            "no sequencer answered within " + waitMs / 1000.0
                                    + " s; the submission was withdrawn, nothing recorded: retry",
                            null);
                }
                if (++extensions > EXTENSIONS) {
                    throw new StoreException(
                            "the sequencer answered only part of a queued batch within "
                                    + (EXTENSIONS + 1) * waitMs / 1000.0
                                    + " s; the rest stays queued (a repeated sheet is answered as idempotent)",
                            null);
                }
                deadline = System.nanoTime() + waitMs * 1_000_000;
                continue;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting for the sequencer", e);
            }
        }
    }
}
