package org.veritally.server.intake;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers which station × contest × source keys one input (a file, a request) already had, for
 * rule TS-DUP-ROW, with the location of the first occurrence. Not thread-safe; one per input.
 */
public final class DuplicateRows {
    private final Map<Long, String> seen = new HashMap<>();
    private final boolean enabled;

    public DuplicateRows() {
        this(true);
    }

    private DuplicateRows(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * A tracker that never reports: for batches that group independent requests, where a repeated
     * key is an idempotent resubmission or a conflict, not a duplicate row of one input.
     */
    public static DuplicateRows none() {
        return new DuplicateRows(false);
    }

    /** The location of an earlier row with this key; empty when the key is new (and now recorded). */
    java.util.Optional<String> firstSeen(long key, String location) {
        return enabled ? java.util.Optional.ofNullable(seen.putIfAbsent(key, location)) : java.util.Optional.empty();
    }
}
