package org.veritally.image;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What a photo's EXIF says about its capture, kept privately with the original (never in the public
 * copy): the capture time ({@code DateTimeOriginal}, a local time, and {@code OffsetTimeOriginal} where
 * the camera wrote it), the device ({@code Make}, {@code Model}, {@code BodySerialNumber}), the GPS
 * position and the orientation tag (1 to 8, 1 when absent or invalid). Tags: CIPA DC-008-2019 (Exif 2.32)
 * §4.6.4, §4.6.5, §4.6.6. Immutable.
 */
public record Exif(
        Optional<LocalDateTime> captured,
        Optional<ZoneOffset> capturedOffset,
        Optional<String> make,
        Optional<String> model,
        Optional<String> serial,
        Optional<Position> position,
        int orientation) {
    /** A file without EXIF (or whose EXIF does not parse). */
    public static final Exif NONE = new Exif(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            1);

    public Exif {
        if (orientation < 1 || orientation > 8) throw new IllegalArgumentException("orientation " + orientation);
    }

    /** A WGS 84 position in decimal degrees, south and west negative. */
    public record Position(double latitude, double longitude) {}
}
