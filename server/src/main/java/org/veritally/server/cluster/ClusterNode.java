package org.veritally.server.cluster;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veritally.core.entry.Entry;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.Instance;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.server.intake.Outcome;
import org.veritally.server.intake.RecordTranscription;

/**
 * One {@code serve} instance among several on one PostgreSQL database. A daemon thread, every
 * {@value #TICK_MS} ms:
 *
 * <ul>
 *   <li>as a <b>follower</b>, applies the log entries the sequencer appended to this instance's
 *       in-memory state ({@link Instance#catchUp}), and every {@value #LOCK_EVERY_MS} ms tries the
 *       sequencer's advisory lock; on taking it, it catches up with the log before anything else;
 *   <li>as the <b>sequencer</b>, integrates the writes other instances queued
 *       ({@link IntegrateSubmissions}), and every {@value #LOCK_EVERY_MS} ms checks that its lock
 *       session is alive; if not (the server restarted, the session was killed) it steps down at
 *       once.
 * </ul>
 *
 * Online writes to this instance go through {@link #intake} (sheets), {@link #work} (transcription work) and
 * {@link #record} (announcements, keys): sequenced here while this instance holds the lock, queued for the
 * sequencer otherwise. Fencing: two processes that both believe they are the sequencer cannot fork
 * the log, because {@code log_entry.idx} is its primary key; the loser's transaction fails whole
 * (HTTP 503) and it catches up before its next batch.
 *
 * <p>Thread-safety: {@link #intake}, {@link #work} and {@link #record} may be called from any thread; the rest
 * runs on the node's thread.
 */
public final class ClusterNode implements AutoCloseable {
    static final long TICK_MS = 10;
    static final long BATCH_EVERY_MS = 10;
    static final long LOCK_EVERY_MS = 250;
    static final long PURGE_EVERY_MS = 60_000;
    /** Answered submissions are kept this long (their waiters gave up after {@code SubmissionRelay.WAIT_MS}). */
    static final long KEEP_ANSWERS_MS = 600_000;

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

    private final Instance instance;
    private final IntegrateSubmissions integrate;
    private final SubmissionRelay relay;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean sequencer;
    private volatile long becameSequencerNanos;

    private ClusterNode(Instance instance, long answerWaitMs) {
        this.instance = instance;
        this.integrate = new IntegrateSubmissions(instance);
        this.relay = new SubmissionRelay(instance, answerWaitMs);
        this.thread = new Thread(this::run, "veritally-cluster");
        thread.setDaemon(true);
    }

    /** Joins the instances on {@code instance}'s database; its online submissions go through this node from now on. */
    public static ClusterNode start(Instance instance) {
        return start(instance, SubmissionRelay.WAIT_MS);
    }

    /** As {@link #start(Instance)}, waiting {@code answerWaitMs} for the sequencer's answers (tests). */
    static ClusterNode start(Instance instance, long answerWaitMs) {
        ClusterNode n = new ClusterNode(instance, answerWaitMs);
        instance.attach(n::intake, n::work, n::record, n);
        n.thread.start();
        return n;
    }

    /** Whether this instance is the sequencer now. */
    public boolean isSequencer() {
        return sequencer;
    }

    /** {@link System#nanoTime} when this instance last became the sequencer. */
    public long becameSequencerNanos() {
        return becameSequencerNanos;
    }

    /**
     * A batch of online submissions: sequenced here if this instance holds the lock, else queued for the one that does.
     */
    Outcome intake(List<SheetRow> rows, List<String> accounts) {
        if (sequencer) {
            instance.catchUp();
            return instance.sequencer().submit(rows, accounts, DuplicateRows.none(), false);
        }
        return relay.submit(rows, accounts);
    }

    /**
     * A batch of transcription work (docs/transcription.md#group-commit-and-receipts): recorded here in one
     * transaction if this instance holds the lock, else queued in one transaction for the one that does, which
     * integrates consecutive work as one batch.
     */
    Outcome work(List<RecordTranscription.Work> work) {
        if (sequencer) {
            instance.catchUp();
            return instance.transcriptionRecorder().record(work, java.util.Optional.empty());
        }
        return relay.submit(work);
    }

    /**
     * One announcement or key registration: recorded here if this instance holds the lock, else queued for the one that
     * does.
     */
    Outcome record(Entry entry, String account, String location) {
        if (sequencer) {
            instance.catchUp();
            return instance.entries().record(entry, account, location);
        }
        return relay.submit(entry, account, location);
    }

    private void run() {
        long nextLock = 0;
        long nextPurge = System.nanoTime() + PURGE_EVERY_MS * 1_000_000;
        String lastProblem = "";
        while (running) {
            try {
                long now = System.nanoTime();
                if (now >= nextLock) {
                    nextLock = now + LOCK_EVERY_MS * 1_000_000;
                    if (sequencer && !instance.isSequencer()) {
                        sequencer = false;
                        LOG.warn("lost the sequencer's lock (database session ended); following the log");
                    } else if (!sequencer && instance.tryBecomeSequencer()) {
                        becameSequencerNanos = System.nanoTime();
                        sequencer = true;
                        LOG.info(
                                "this instance is now the sequencer (log size {})",
                                instance.state().logSize());
                    }
                }
                if (sequencer) {
                    if (now >= nextPurge) {
                        nextPurge = now + PURGE_EVERY_MS * 1_000_000;
                        long before = System.currentTimeMillis() - KEEP_ANSWERS_MS;
                        instance.store().write(tx -> {
                            tx.purgeSubmissions(before);
                            return null;
                        });
                    }
                    long started = System.nanoTime();
                    if (integrate.once() > 0) {
                        // paced like GroupCommit: at most one integrated batch (one signed checkpoint) per
                        // BATCH_EVERY_MS
                        long wait = started + BATCH_EVERY_MS * 1_000_000 - System.nanoTime();
                        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        continue;
                    }
                } else {
                    instance.catchUp();
                }
                lastProblem = "";
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException
                    | Error e) { // an Error too: a silently dead thread would hold the lock and integrate nothing
                if (!e.toString().equals(lastProblem)) LOG.warn("cluster node: {}; retrying", e.toString());
                lastProblem = e.toString();
                nextLock = 0;
                try {
                    Thread.sleep(LOCK_EVERY_MS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Stops the node's thread (the instance's close releases the lock). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
