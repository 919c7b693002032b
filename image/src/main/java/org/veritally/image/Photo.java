package org.veritally.image;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.veritally.core.validation.Problem;

/**
 * The one entry point for evidence: examines the bytes of a photo or scan of a tally sheet, as a pure
 * function (no storage, no clock). In order: the size (EV-SIZE) and the media type sniffed from the
 * bytes (EV-TYPE), both reported if both fail; then for JPEG, PNG and WebP the pixel limit (EV-SIZE) and
 * the decoding (EV-DECODE), the EXIF, the upright public copy and the perceptual hash; for a PDF its
 * header and trailer (EV-DECODE) only. See docs/evidence.md. Thread-safe: every call has its own state.
 */
public final class Photo {
    /** The location every problem names: the uploaded file. */
    static final String LOCATION = "photo";

    private Photo() {}

    /** Examines {@code bytes} within {@code limits}. */
    public static Examination examine(byte[] bytes, Limits limits) {
        if (bytes == null || limits == null) throw new NullPointerException("bytes and limits are required");
        List<Problem> problems = new ArrayList<>();
        if (bytes.length == 0) {
            return new Examination.Refused(List.of(new Problem(ImageRule.EV_SIZE, LOCATION, "the file is empty")));
        }
        if (bytes.length > limits.maxBytes()) {
            problems.add(new Problem(
                    ImageRule.EV_SIZE,
                    LOCATION,
                    "the file is " + bytes.length + " bytes, over the limit of " + limits.maxBytes()));
        }
        Optional<MediaType> type = MediaSniffer.sniff(bytes);
        if (type.isEmpty()) {
            problems.add(
                    new Problem(ImageRule.EV_TYPE, LOCATION, "not JPEG, PNG, WebP or PDF (sniffed from the bytes)"));
        } else if (!type.get().accepted()) {
            problems.add(new Problem(
                    ImageRule.EV_TYPE,
                    LOCATION,
                    "HEIC cannot be decoded here; send JPEG (on iPhone: Settings > Camera > Formats >"
                            + " Most Compatible)"));
        }
        if (!problems.isEmpty()) return new Examination.Refused(problems);
        try {
            return examineAccepted(bytes, type.get(), limits);
        } catch (Refusal r) {
            return new Examination.Refused(List.of(r.problem()));
        }
    }

    private static Examination.Examined examineAccepted(byte[] bytes, MediaType type, Limits limits) throws Refusal {
        String sha256 = sha256(bytes);
        if (!type.raster()) {
            PdfCheck.check(bytes);
            return new Examination.Examined(type, bytes.length, sha256, Exif.NONE, Optional.empty());
        }
        BufferedImage decoded = RasterDecoder.decode(bytes, type, limits);
        Exif exif = ExifReader.read(bytes);
        BufferedImage upright = Orientation.upright(RgbPixels.of(decoded), exif.orientation());
        Picture picture = new Picture(
                upright.getWidth(),
                upright.getHeight(),
                PublicCopy.encode(upright),
                PublicCopy.MEDIA_TYPE,
                DHash.of(upright));
        return new Examination.Examined(type, bytes.length, sha256, exif, Optional.of(picture));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
