package org.veritally.core.model;

/**
 * Marks a tally sheet as superseding the same source's earlier sheet for the same station and
 * contest. The earlier sheet stays in the log and stays visible; only the current-sheet projection
 * moves on. Immutable.
 *
 * @param supersedes log index of the sheet being replaced
 * @param reason why, in the source's words (required, non-blank)
 */
public record Correction(long supersedes, String reason) {
    public Correction {
        if (supersedes < 0) throw new IllegalArgumentException("supersedes < 0");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("correction reason is blank");
    }
}
