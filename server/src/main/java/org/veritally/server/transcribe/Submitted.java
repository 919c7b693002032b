package org.veritally.server.transcribe;

import java.util.List;
import java.util.OptionalLong;
import org.veritally.core.validation.Problem;

/**
 * What a piece of transcription work came to: refused (every problem with its rule ID), or accepted
 * with the flags the rulebook raised and the log index of its entry. A gold task's answer is scored and
 * never written (no index). Immutable.
 */
public record Submitted(List<Problem> problems, List<Problem> flags, OptionalLong index) {
    public Submitted {
        problems = List.copyOf(problems);
        flags = List.copyOf(flags);
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
