package org.veritally.server.transcribe;

import java.util.List;
import java.util.OptionalLong;
import org.veritally.core.validation.Problem;

/**
 * What a piece of transcription work came to: refused (every problem with its rule ID), or accepted
 * with the flags the rulebook raised and the log index of its entry, and, as intake answered it, the
 * entry's leaf hash and its receipt when it is new ({@code recorded}: the type a sheet's answer has). A gold
 * task's answer is scored and never written (no index, nothing recorded). Immutable.
 */
public record Submitted(
        List<Problem> problems,
        List<Problem> flags,
        OptionalLong index,
        java.util.Optional<org.veritally.server.intake.Accepted> recorded) {
    public Submitted {
        problems = List.copyOf(problems);
        flags = List.copyOf(flags);
    }

    /** Without what intake recorded (refused, or scored and not written). */
    public Submitted(List<Problem> problems, List<Problem> flags, OptionalLong index) {
        this(problems, flags, index, java.util.Optional.empty());
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
