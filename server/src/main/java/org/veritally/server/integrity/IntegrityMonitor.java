package org.veritally.server.integrity;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link IntegrityCheck} of a serving instance at start-up and then on a schedule, and keeps its
 * latest outcome for {@code /readyz}, the metrics and the write guard. A failure is latched: the instance
 * stays not ready and refuses writes until an operator repairs the database and restarts it (docs/operations.md,
 * "Integrity at rest"); later checks are not run. A check that cannot run (the database does not answer) is
 * logged and leaves the outcome as it was: that is the {@code database} readiness check's business.
 *
 * <p>Thread-safe: one daemon thread runs the checks; the status is a volatile immutable value.
 */
public final class IntegrityMonitor implements AutoCloseable {
    /** The schedule when {@code serve} is given none: hourly (docs/operations.md). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger("veritally.integrity");

    /** The latest outcome. */
    public sealed interface Status permits NotRun, Passed, Failed {}

    /** No check has finished yet. */
    public record NotRun() implements Status {}

    /** The latest check passed, at {@code atMs} (epoch milliseconds). */
    public record Passed(long entries, double seconds, long atMs) implements Status {}

    /** A check failed at {@code atMs}; latched. */
    public record Failed(Mismatch mismatch, long atMs) implements Status {}

    private final Supplier<IntegrityCheck.Report> check;
    private volatile Status status = new NotRun();
    private volatile boolean started;
    private volatile ScheduledExecutorService scheduler;

    public IntegrityMonitor(Supplier<IntegrityCheck.Report> check) {
        this.check = check;
    }

    /**
     * Starts checking in the background: at once, then every {@code interval} ({@link Duration#ZERO}: at
     * start-up only). Until the first check passes, {@link #starting} is true.
     */
    public synchronized void start(Duration interval) {
        if (scheduler != null) throw new IllegalStateException("already started");
        if (interval.isNegative()) throw new IllegalArgumentException("negative interval");
        started = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "veritally-integrity");
            t.setDaemon(true);
            return t;
        });
        if (interval.isZero()) scheduler.execute(this::runQuietly);
        else scheduler.scheduleWithFixedDelay(this::runQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one check now, on the calling thread, and returns the status after it. */
    public synchronized Status checkNow() {
        if (status instanceof Failed) return status;
        var r = check.get();
        long now = System.currentTimeMillis();
        if (r.mismatch().isPresent()) {
            status = new Failed(r.mismatch().get(), now);
            LOG.error(
                    "integrity check failed: {}; readiness off and writes refused until the database is repaired "
                            + "(docs/operations.md, Integrity at rest)",
                    r.mismatch().get().message());
        } else {
            status = new Passed(r.entries(), r.seconds(), now);
            LOG.info("integrity check passed: {} log entries in {} s", r.entries(), String.format("%.1f", r.seconds()));
        }
        return status;
    }

    private void runQuietly() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            LOG.warn("integrity check could not run: {}", e.toString());
        } catch (OutOfMemoryError e) {
            // the rebuild beside the live state was too much for the heap; the server itself goes on
            LOG.error("integrity check could not run: out of memory (it holds a second copy of the state while it "
                    + "runs: raise -Xmx, docs/operations.md, Integrity at rest)");
        }
    }

    public Status status() {
        return status;
    }

    /** Started, and no check has finished yet: the instance is not ready. */
    public boolean starting() {
        return started && status instanceof NotRun;
    }

    /** The latched mismatch, if a check failed. */
    public Optional<Mismatch> failure() {
        return status instanceof Failed f ? Optional.of(f.mismatch()) : Optional.empty();
    }

    /** Stops the schedule (a check under way is interrupted at its next query or left to end). */
    @Override
    public void close() {
        if (scheduler != null) scheduler.shutdownNow();
    }
}
