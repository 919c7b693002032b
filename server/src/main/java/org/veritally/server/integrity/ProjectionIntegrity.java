package org.veritally.server.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.veritally.server.intake.RebuildProjections;
import org.veritally.server.intake.ReplayLog;
import org.veritally.store.OwnerOnly;
import org.veritally.store.ProjectionDiff;
import org.veritally.store.Store;

/**
 * Checks the projections against the log: rebuilds them from the log into a scratch SQLite database (the
 * same {@link RebuildProjections} as {@code rebuild}, so the rulebook decides every entry again:
 * {@code INTEG-REPLAY}) and compares the two row by row ({@link ProjectionDiff}: {@code INTEG-PROJ}, naming the
 * first differing row). A rebuild rather than a stored digest: nothing the operator can edit vouches for the
 * projections, only the log, which the signed checkpoint vouches for ({@link LogIntegrity}, run first).
 *
 * <p>The scratch database lives in a new directory (mode 700) under {@code scratchParent} and is deleted
 * afterwards. Read the live store inside {@link Store#readSnapshot} so that the log and the projections
 * compared are one state. Stateless and thread-safe.
 */
public final class ProjectionIntegrity {
    private ProjectionIntegrity() {}

    /** The first projection row that is not what the log gives, or the first entry the replay refuses. */
    public static Optional<Mismatch> check(Store live, Path scratchParent) {
        return check(live, scratchParent, Optional.empty());
    }

    /**
     * As {@link #check(Store, Path)}, and the state start-up restored from a snapshot ({@code restored}) against
     * the rebuild at the snapshot's size ({@code INTEG-START}, reported before any projection row).
     */
    public static Optional<Mismatch> check(Store live, Path scratchParent, Optional<RestoredState> restored) {
        Path dir;
        try {
            OwnerOnly.directories(scratchParent);
            dir = Files.createTempDirectory(scratchParent, ".integrity-");
        } catch (IOException e) {
            throw new UncheckedIOException("create a scratch directory in " + scratchParent, e);
        }
        try {
            try (Store scratch = Store.openSqlite(dir.resolve("rebuilt.db"))) {
                Optional<Mismatch> start = Optional.empty();
                try {
                    if (restored.isEmpty()) RebuildProjections.rebuild(live, scratch);
                    else {
                        long size = restored.get().size();
                        // empty until the replay reaches the restored size: a size it never reaches (beyond the
                        // log) is itself a mismatch, never a silent pass
                        var found = new java.util.concurrent.atomic.AtomicReference<Optional<Mismatch>>(
                                Optional.of(new Mismatch(
                                        IntegrityRule.INTEG_START,
                                        "log size " + size,
                                        "start-up restored a state of " + size
                                                + " entries, which the log's replay never reached")));
                        RebuildProjections.rebuild(
                                live,
                                scratch,
                                size,
                                s -> found.set(restored.get().compare(s)));
                        start = found.get();
                    }
                } catch (ReplayLog.BrokenEntry e) {
                    return Optional.of(
                            new Mismatch(IntegrityRule.INTEG_REPLAY, "log entry " + e.index(), e.getMessage()));
                }
                if (start.isPresent()) return start;
                return ProjectionDiff.first(scratch, live)
                        .map(d -> new Mismatch(
                                IntegrityRule.INTEG_PROJ,
                                d.table() + " row " + d.row(),
                                "the log gives (" + d.expected() + "), the database holds (" + d.actual() + ")"));
            }
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("delete the scratch directory " + dir, e);
        }
    }
}
