package org.veritally.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.veritally.testkit.ExifSegments;
import org.veritally.testkit.SheetPictures;

/** Photos of tally sheets as a phone writes them, for the upload tests, and their SHA-256. */
public final class PhonePhotos {
    private PhonePhotos() {}

    /** An 800 × 600 JPEG of a sheet naming {@code station}, whose EXIF holds GPS, make, model and serial. */
    public static byte[] of(String station, long seed) {
        byte[] jpeg = SheetPictures.jpeg(SheetPictures.sheet(800, 600, station, new int[] {12, 40, 7}, seed), 0.9f);
        return ExifSegments.afterSoi(jpeg, ExifSegments.exif(10.4806, -66.9036, 1));
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
