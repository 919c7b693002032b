package org.veritally.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads {@link Exif} with metadata-extractor. EXIF that does not parse is no reason to refuse the pixels:
 * it reads as {@link Exif#NONE}, and a single malformed tag as absent. Pure and thread-safe.
 */
final class ExifReader {
    /** Exif 2.32 §4.6.5: "YYYY:MM:DD HH:MM:SS". */
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss");

    private ExifReader() {}

    static Exif read(byte[] bytes) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return Exif.NONE;
        }
        Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        Directory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        Optional<Exif.Position> position = Optional.ofNullable(gps)
                .map(GpsDirectory::getGeoLocation)
                .filter(g -> !g.isZero() && valid(g))
                .map(g -> new Exif.Position(g.getLatitude(), g.getLongitude()));
        Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        return new Exif(
                text(sub, ExifDirectoryBase.TAG_DATETIME_ORIGINAL).flatMap(ExifReader::time),
                text(sub, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL).flatMap(ExifReader::offset),
                text(ifd0, ExifDirectoryBase.TAG_MAKE),
                text(ifd0, ExifDirectoryBase.TAG_MODEL),
                text(sub, ExifDirectoryBase.TAG_BODY_SERIAL_NUMBER),
                position,
                orientation != null && orientation >= 1 && orientation <= 8 ? orientation : 1);
    }

    private static boolean valid(GeoLocation g) {
        return Math.abs(g.getLatitude()) <= 90 && Math.abs(g.getLongitude()) <= 180;
    }

    private static Optional<String> text(Directory d, int tag) {
        if (d == null) return Optional.empty();
        String s = d.getString(tag);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    private static Optional<LocalDateTime> time(String s) {
        try {
            return Optional.of(LocalDateTime.parse(s, EXIF_TIME));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Exif 2.32 §4.6.5 OffsetTimeOriginal: "+HH:MM" or "-HH:MM". */
    private static Optional<ZoneOffset> offset(String s) {
        try {
            return Optional.of(ZoneOffset.of(s));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
