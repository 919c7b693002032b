package org.veritally.stats.digits;

import java.util.List;

/**
 * The three Beber &amp; Scacco tests for each candidate, then for all counts pooled (scope {@code "all"}).
 *
 * @param uniformity {@code ST-LD-UNIF} results
 * @param repeats {@code ST-LD-REPEAT} results
 * @param adjacent {@code ST-LD-ADJ} results
 */
public record LastDigitReport(
        List<LastDigitResult> uniformity, List<DigitPairResult> repeats, List<DigitPairResult> adjacent) {

    /** Copies the lists. */
    public LastDigitReport {
        uniformity = List.copyOf(uniformity);
        repeats = List.copyOf(repeats);
        adjacent = List.copyOf(adjacent);
    }
}
