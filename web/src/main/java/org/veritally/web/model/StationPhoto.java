package org.veritally.web.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A photo (or scan) of a tally sheet filed for a station (docs/evidence.md), as the station page
 * shows it: the log entry that binds it, the source and its name, the contest where the filer named
 * one, the SHA-256 of the original (kept privately) and the public copy (re-encoded without
 * metadata, absent for a PDF) with its pixel size, the camera's capture time (a hint: nobody set that
 * clock), when the first signed checkpoint covered the entry, what a machine read from it, and the
 * rulebook's flags (EV-SAME). {@code imageOnly}: the source has sent no sheet for this station yet
 * (of the photo's contest, where it names one), so there are no numbers beside the photo. Immutable.
 */
public record StationPhoto(
        long logIndex,
        String sourceId,
        String sourceName,
        Optional<String> contestId,
        String originalSha256,
        String originalMedia,
        Optional<PublicImage> image,
        Optional<String> captured,
        Optional<Instant> provenAt,
        List<QrRead> reads,
        List<Flag> flags,
        boolean imageOnly) {
    public StationPhoto {
        reads = List.copyOf(reads);
        flags = List.copyOf(flags);
    }

    /** The public copy: its SHA-256 (its permanent name) and its size in pixels (0 × 0 when unreadable). */
    public record PublicImage(String sha256, int width, int height) {
        /** Whether the size is known, so the page can reserve the image's box before it loads. */
        public boolean sized() {
            return width > 0 && height > 0;
        }
    }

    /**
     * What a machine read: the format, the payload as read, and, where the format is one Veritally
     * parses ({@code ve-acta-qr}), the counts it carries (empty otherwise: the payload is shown as text).
     */
    public record QrRead(String format, String payload, List<QrCount> counts) {
        public QrRead {
            counts = List.copyOf(counts);
        }
    }

    /** One count of a machine read: a candidate's name, or a message key ({@code translated}) for a summary count. */
    public record QrCount(String label, boolean translated, long value) {}

    /** A flag the rulebook raised on the entry: its rule ID and message. */
    public record Flag(String rule, String message) {}
}
