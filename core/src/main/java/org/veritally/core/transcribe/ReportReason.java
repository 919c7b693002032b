package org.veritally.core.transcribe;

import java.util.Locale;
import java.util.Optional;

/**
 * Why an account reports a photo (docs/transcription.md#reports-on-photos): the four reasons of a flag, or
 * {@code OTHER} with a text. The wire form is lower case with hyphens ({@code not-a-tally-sheet}).
 */
public enum ReportReason {
    ILLEGIBLE,
    WRONG_STATION,
    NOT_A_TALLY_SHEET,
    DUPLICATE,
    OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reason of wire form {@code s}, if it is one. */
    public static Optional<ReportReason> ofWire(String s) {
        for (ReportReason r : values()) if (r.wire().equals(s)) return Optional.of(r);
        return Optional.empty();
    }
}
