package org.veritally.verify;

import java.util.Optional;
import org.veritally.translog.SignedCheckpoint;

/**
 * What one look at a log's checkpoint found, compared with the last checkpoint seen (by a watcher)
 * or cosigned (by a witness). Immutable.
 */
public sealed interface Observation {

    /** The checkpoint now served, when it verified. */
    Optional<SignedCheckpoint> current();

    /** No earlier checkpoint to compare with: this one is the first, and is trusted on first use. */
    record First(SignedCheckpoint checkpoint) implements Observation {
        @Override
        public Optional<SignedCheckpoint> current() {
            return Optional.of(checkpoint);
        }
    }

    /** The same tree as before (same size and root). */
    record Unchanged(SignedCheckpoint checkpoint) implements Observation {
        @Override
        public Optional<SignedCheckpoint> current() {
            return Optional.of(checkpoint);
        }
    }

    /** A larger tree, proven consistent with the earlier one from the log's tiles. */
    record Grew(SignedCheckpoint earlier, SignedCheckpoint checkpoint) implements Observation {
        @Override
        public Optional<SignedCheckpoint> current() {
            return Optional.of(checkpoint);
        }
    }

    /**
     * The log misbehaved: {@code WATCH-SIG} (the served checkpoint does not verify), {@code
     * WATCH-ROLLBACK} (a smaller tree) or {@code WATCH-FORK} (the same size with another root, or a
     * larger tree that does not extend the earlier one). Carries both signed notes as served, the
     * evidence to hand to others.
     *
     * @param check the alarm's check ID
     * @param message what happened
     * @param earlier the earlier checkpoint note, if there was one
     * @param served the checkpoint note as the log serves it now
     */
    record Alarm(Check check, String message, Optional<String> earlier, String served) implements Observation {
        @Override
        public Optional<SignedCheckpoint> current() {
            return Optional.empty();
        }
    }
}
