package org.veritally.server.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.veritally.server.Instance;

/**
 * Whether this instance should receive traffic: the database answers a query, an election is loaded,
 * and, when the instance started on the SQLite file of its data directory, that file is still present
 * and readable. (SQLite keeps working on a file deleted under it, on the unlinked inode; the file check
 * catches that, since nothing written afterwards would survive a restart. An instance on PostgreSQL
 * has no such file, so only the query counts.) A database that refused a write for want of space
 * ({@code STORE-FULL}) in the last {@value #FULL_MS} ms, with no write committed since, is not
 * ready either: nothing tells more cheaply whether the space was freed, so after that interval the
 * instance is ready again and the next write finds out. Nor is an instance whose integrity check
 * ({@link org.veritally.server.integrity.IntegrityMonitor}) failed, naming the check's ID and the first
 * mismatch, or that has not finished its first one since start-up. The report also says how the state was loaded
 * at start ({@code start-up}: a snapshot or the projections, and why; issue 15), which never makes it unready.
 * Thread-safe.
 */
final class Readiness {
    private final Instance instance;
    private final Path file;
    private final boolean fileBacked;
    static final long FULL_MS = 30_000;
    /** The entry saying how the state was loaded at start (a snapshot or the projections, and why): not a check. */
    static final String START_UP = "start-up";

    Readiness(Instance instance) {
        this.instance = instance;
        this.file = instance.dir().resolve(Instance.DB_FILE);
        this.fileBacked = Files.isRegularFile(file);
    }

    /**
     * The outcome of one check.
     *
     * @param ready every check passed
     * @param checks each check's name and {@code ok} or the reason it failed
     */
    record Report(boolean ready, Map<String, String> checks) {}

    Report check() {
        var checks = new LinkedHashMap<String, String>();
        if (fileBacked && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
            checks.put("database", "the database file is missing or unreadable");
        } else {
            try {
                instance.store().logSize();
                checks.put("database", full().orElse("ok"));
            } catch (RuntimeException e) {
                checks.put("database", "the database does not answer");
            }
        }
        checks.put("election", instance.state().election().isPresent() ? "ok" : "no election is defined yet");
        var integrity = instance.integrity();
        var failed = integrity.failure();
        if (failed.isPresent()) checks.put("integrity", failed.get().message());
        else if (integrity.starting()) checks.put("integrity", "the first integrity check since start-up is running");
        else if (integrity.status() instanceof org.veritally.server.integrity.IntegrityMonitor.Passed)
            checks.put("integrity", "ok");
        boolean ready = checks.values().stream().allMatch("ok"::equals);
        // how the state was loaded (issue 15): said, never a reason not to serve (the projections are a sound way in)
        checks.put(START_UP, instance.startUp().note());
        return new Report(ready, checks);
    }

    private java.util.Optional<String> full() {
        var t = instance.store().lastFullRefusal();
        long ago = t.isPresent() ? System.currentTimeMillis() - t.getAsLong() : Long.MAX_VALUE;
        return ago < FULL_MS
                ? java.util.Optional.of(org.veritally.store.DiskFull.RULE + ": a write was refused for want of space "
                        + ago / 1000 + " s ago")
                : java.util.Optional.empty();
    }
}
