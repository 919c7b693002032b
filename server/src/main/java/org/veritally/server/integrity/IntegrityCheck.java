package org.veritally.server.integrity;

import java.nio.file.Path;
import java.util.Optional;
import org.veritally.server.log.LogKeys;
import org.veritally.store.Store;

/**
 * Use case: one integrity check of a store at rest, in one read snapshot: first the log's bytes against its
 * leaf hashes, tree nodes and latest signed checkpoint ({@link LogIntegrity}), then, if they hold, the
 * projections against a rebuild from that log ({@link ProjectionIntegrity}). Stateless and thread-safe.
 */
public final class IntegrityCheck {
    /**
     * The outcome of one check.
     *
     * @param mismatch the first mismatch found, or empty when every check passed
     * @param entries the log's size in the snapshot checked
     * @param seconds how long the check took
     */
    public record Report(Optional<Mismatch> mismatch, long entries, double seconds) {
        public boolean passed() {
            return mismatch.isEmpty();
        }
    }

    private IntegrityCheck() {}

    /** Checks {@code store}'s log (signed by {@code keys}) and projections; scratch files go under {@code scratch}. */
    public static Report run(Store store, LogKeys keys, Path scratch) {
        return run(store, keys, scratch, Optional.empty());
    }

    /**
     * As {@link #run(Store, LogKeys, Path)}, and what start-up restored from a snapshot ({@code restored}) against
     * the replay at its size ({@link RestoredState}, {@code INTEG-START}).
     */
    public static Report run(Store store, LogKeys keys, Path scratch, Optional<RestoredState> restored) {
        long t0 = System.nanoTime();
        return store.readSnapshot(() -> {
            long size = store.logSize();
            Optional<Mismatch> m = LogIntegrity.check(store, keys);
            if (m.isEmpty()) m = ProjectionIntegrity.check(store, scratch, restored);
            return new Report(m, size, (System.nanoTime() - t0) / 1e9);
        });
    }
}
