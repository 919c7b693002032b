package org.veritally.image;

/**
 * A media type recognised from a file's first bytes by {@link MediaSniffer}. Only {@link #accepted()}
 * types are kept as evidence; HEIC is recognised so that its refusal can say what to send instead.
 * Immutable and thread-safe (an enum).
 */
public enum MediaType {
    JPEG("image/jpeg", true),
    PNG("image/png", true),
    WEBP("image/webp", true),
    /** HEIF with HEVC images (ISO/IEC 23008-12): no pure-Java decoder exists, so it is refused. */
    HEIC("image/heic", false),
    /** A scan as PDF: kept privately, its header and trailer checked, never rendered here. */
    PDF("application/pdf", true);

    private final String mime;
    private final boolean accepted;

    MediaType(String mime, boolean accepted) {
        this.mime = mime;
        this.accepted = accepted;
    }

    /** The IANA media type, e.g. {@code image/jpeg}. */
    public String mime() {
        return mime;
    }

    /** Whether a file of this type is kept as evidence. */
    public boolean accepted() {
        return accepted;
    }

    /** Whether javax.imageio decodes it here (JDK readers, and TwelveMonkeys for WebP). */
    boolean raster() {
        return this == JPEG || this == PNG || this == WEBP;
    }
}
