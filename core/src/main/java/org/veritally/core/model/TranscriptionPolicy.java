package org.veritally.core.model;

/**
 * How many independent transcriptions of one photo must agree ({@code agree}, k) among at most how
 * many ({@code most}, m) before a moderator decides, and how many distinct accounts' reports take a photo
 * out of the queue for a moderator ({@code reportThreshold}, TR-REPORT), and whether a machine read of the
 * photo (its QR code) counts as one transcription ({@code machineVoter}, TR-MACHINE) (docs/transcription.md). Part of
 * the election entry, so every verifier derives the same agreed copies and the same reported photos.
 * 1 ≤ k ≤ m ≤ {@value #MAX}; 1 ≤ reportThreshold ≤ {@value #MAX_REPORTS}. Immutable.
 */
public record TranscriptionPolicy(int agree, int most, int reportThreshold, boolean machineVoter) {
    public static final int MAX = 9;
    public static final int MAX_REPORTS = 1000;
    public static final int DEFAULT_REPORT_THRESHOLD = 3;

    /** Two of at most three, as Actas Abiertas and Mexico's PREP do; three accounts' reports. */
    public static final TranscriptionPolicy DEFAULT = new TranscriptionPolicy(2, 3);

    public TranscriptionPolicy {
        if (agree < 1 || agree > most || most > MAX)
            throw new IllegalArgumentException(
                    "transcription: 1 ≤ agree ≤ most ≤ " + MAX + ", not agree " + agree + ", most " + most);
        if (reportThreshold < 1 || reportThreshold > MAX_REPORTS)
            throw new IllegalArgumentException(
                    "transcription: 1 ≤ reportThreshold ≤ " + MAX_REPORTS + ", not " + reportThreshold);
    }

    /** k of m with the default report threshold, no machine voter. */
    public TranscriptionPolicy(int agree, int most) {
        this(agree, most, DEFAULT_REPORT_THRESHOLD, false);
    }

    /** k of m and the report threshold, no machine voter. */
    public TranscriptionPolicy(int agree, int most, int reportThreshold) {
        this(agree, most, reportThreshold, false);
    }
}
