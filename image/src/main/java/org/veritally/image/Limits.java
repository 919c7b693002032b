package org.veritally.image;

/**
 * How large a file {@link Photo#examine} takes: at most {@code maxBytes} bytes and, for an image, at most
 * {@code maxPixels} pixels (width × height, read from the header before any pixel is decoded, so that a
 * small file that would decode to gigabytes is refused: EV-SIZE). Examining holds 3 to 6 bytes a pixel
 * (the decoded raster, and its upright copy when the orientation turns it), so the default 50 MP needs up
 * to about 300 MB of heap per photo in flight.
 * Immutable.
 */
public record Limits(long maxBytes, long maxPixels) {
    /** 20 MiB. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    /** 50 million pixels: above a 48 MP phone photo. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    public Limits {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        if (maxPixels < 1) throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }

    /** 20 MiB and 50 MP. */
    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
    }
}
