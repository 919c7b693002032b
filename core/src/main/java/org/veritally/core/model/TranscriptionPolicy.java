package org.veritally.core.model;

/**
 * How many independent transcriptions of one photo must agree ({@code agree}, k) among at most how
 * many ({@code most}, m) before a moderator decides (docs/transcription.md). Part of the election
 * entry, so every verifier derives the same agreed copies. 1 ≤ k ≤ m ≤ {@value #MAX}. Immutable.
 */
public record TranscriptionPolicy(int agree, int most) {
    public static final int MAX = 9;

    /** Two of at most three, as Actas Abiertas and Mexico's PREP do. */
    public static final TranscriptionPolicy DEFAULT = new TranscriptionPolicy(2, 3);

    public TranscriptionPolicy {
        if (agree < 1 || agree > most || most > MAX)
            throw new IllegalArgumentException(
                    "transcription: 1 ≤ agree ≤ most ≤ " + MAX + ", not agree " + agree + ", most " + most);
    }
}
