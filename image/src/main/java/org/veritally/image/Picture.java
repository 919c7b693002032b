package org.veritally.image;

/**
 * The pixels of an accepted image as the public sees them: the upright width and height (after the EXIF
 * orientation, so 6 and 8 swap the stored ones), the {@link PublicCopy} (JPEG without any metadata), its
 * media type, and the {@link DHash} of the upright pixels. Immutable as long as no caller writes into
 * {@code publicCopy}, which is handed over, not copied (a 3 MP copy is about a megabyte); equality is that
 * of a record, so the array compares by identity.
 */
public record Picture(int width, int height, byte[] publicCopy, String publicMediaType, long perceptualHash) {
    public Picture {
        if (width < 1 || height < 1) throw new IllegalArgumentException(width + " x " + height);
        if (publicCopy == null || publicMediaType == null) throw new NullPointerException("null field of a picture");
    }
}
