package org.veritally.server.evidence;

import java.util.List;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.validation.Problem;

/**
 * What filing a photo came to: refused with every problem (its rule IDs: EV-SIZE, EV-TYPE,
 * EV-DECODE, EV-STATION, AUTH-SIG, …), or in the log at {@code index} ({@code idempotent} when the
 * same entry was there already), with the evidence as recorded and the rulebook's flags (EV-SAME).
 */
public record Filed(List<Problem> problems, long index, boolean idempotent, Evidence evidence, List<Problem> flags) {
    public Filed {
        problems = List.copyOf(problems);
        flags = List.copyOf(flags);
    }

    static Filed refused(List<Problem> problems) {
        return new Filed(problems, -1, false, null, List.of());
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
