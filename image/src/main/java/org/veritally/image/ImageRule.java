package org.veritally.image;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * Refusals of a photo or scan offered as evidence of a tally sheet ({@link Photo#examine}); see
 * docs/evidence.md.
 *
 * <p>IDs are stable, unique across every {@link RuleId} family, listed in docs/validation.md and never
 * reused once retired. Immutable and thread-safe (an enum).
 */
public enum ImageRule implements RuleId {
    /** The file is empty, longer than the byte limit, or its pixels exceed the pixel limit. */
    EV_SIZE("EV-SIZE", "the file is empty, longer than the byte limit, or has more pixels than the pixel limit"),
    /** The bytes are not JPEG, PNG, WebP or PDF (sniffed from the bytes; HEIC is recognised and refused). */
    EV_TYPE("EV-TYPE", "the bytes are not an accepted media type (JPEG, PNG, WebP, PDF), whatever the name says"),
    /** The image does not decode (truncated, corrupt), or a PDF lacks its header or trailer. */
    EV_DECODE("EV-DECODE", "the image does not decode (truncated or corrupt), or a PDF lacks its header or trailer");

    private final String id;
    private final String description;

    ImageRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule refuses the file. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return description;
    }

    /** The ID, as messages print it. */
    @Override
    public String toString() {
        return id;
    }
}
