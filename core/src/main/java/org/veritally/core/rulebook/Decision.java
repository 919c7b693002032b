package org.veritally.core.rulebook;

import java.util.List;
import org.veritally.core.validation.Problem;

/** What the {@link Rulebook} says of one entry at one place in the log. */
public sealed interface Decision {
    /**
     * The entry is accepted. For a sheet, {@code copyKey} is its station × contest × source and
     * {@code superseded} the index of the copy it replaces (-1 for a first copy); {@code flags} are the
     * FLAG-severity problems it raised. For other kinds {@code copyKey} and {@code superseded} are -1.
     * For a transcription or a flag, {@code photo} is what it derived (docs/transcription.md): the photo's
     * status and, when it yields one, the copy of the photo's source, at {@code copyKey}, replacing the
     * copy at {@code superseded}, applied by the caller as it applies a sheet's.
     */
    record Accept(
            List<Problem> flags,
            long copyKey,
            long superseded,
            java.util.Optional<org.veritally.core.transcribe.PhotoOutcome> photo)
            implements Decision {
        public Accept {
            // most sheets raise no flag: no copy of an empty list (4% of a bulk import's sequencer thread)
            flags = flags.isEmpty() ? List.of() : List.copyOf(flags);
        }

        public Accept(List<Problem> flags, long copyKey, long superseded) {
            this(flags, copyKey, superseded, java.util.Optional.empty());
        }

        static Accept plain() {
            return new Accept(List.of(), -1, -1);
        }
    }

    /** The entry is refused: every error found, each with its rule ID. */
    record Refuse(List<Problem> problems) implements Decision {
        public Refuse {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) throw new IllegalArgumentException("a refusal names at least one problem");
        }
    }

    /**
     * The same entry is already in the log at {@code index} (the same sheet from the same source, or
     * the same announcement): intake answers with that index and appends nothing; in a log it breaks
     * LOG-REPEAT.
     */
    record Repeat(long index) implements Decision {}
}
