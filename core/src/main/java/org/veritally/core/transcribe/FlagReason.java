package org.veritally.core.transcribe;

import java.util.Locale;
import java.util.Optional;

/** Why a photo cannot be transcribed; the wire form is lower case with hyphens ({@code not-a-tally-sheet}). */
public enum FlagReason {
    ILLEGIBLE,
    WRONG_STATION,
    NOT_A_TALLY_SHEET,
    DUPLICATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reason of wire form {@code s}, if it is one. */
    public static Optional<FlagReason> ofWire(String s) {
        for (FlagReason r : values()) if (r.wire().equals(s)) return Optional.of(r);
        return Optional.empty();
    }
}
