package org.veritally.verify;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * What {@link Check#VFY_EVIDENCE} finds wrong with the published images of the evidence photos
 * ({@code evidence/<sha256>}, docs/evidence.md "In the mirror, and what verify checks").
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum EvidenceRule implements RuleId {
    /** The log names a public copy that the publication lacks (and it does not say it was published without them). */
    EVD_MISSING("EVD-MISSING", "the log names a public copy of a photo that the publication lacks"),
    /** The published image has the size the log names, but not its SHA-256: its bytes were changed. */
    EVD_HASH("EVD-HASH", "a published image does not hash to the SHA-256 the log names: its bytes were changed"),
    /** The published image has another size than the log names (another image, or changed bytes). */
    EVD_SIZE("EVD-SIZE", "a published image has another size than the public copy the log names"),
    /** A file under {@code evidence/} that is not the public copy of any evidence the log holds. */
    EVD_UNNAMED("EVD-UNNAMED", "a file under evidence/ that the log does not name as a public copy");

    private final String id;
    private final String description;

    EvidenceRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule fails the verification. */
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
