package org.veritally.server.intake;

import java.util.List;
import org.veritally.core.validation.Problem;

/**
 * What one submission (a batch of records) came to: the accepted records, every rejection with its
 * rule and location, and the log size after the batch committed. When {@code rejected} is empty
 * and {@code written} is false nothing needed writing (all idempotent); when an all-or-nothing batch
 * had a rejection, {@code written} is false and nothing was written.
 */
public record Outcome(List<Accepted> accepted, List<Problem> rejected, long logSize, boolean written) {
    public Outcome {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    public long newEntries() {
        return accepted.stream().filter(a -> !a.idempotent()).count();
    }
}
