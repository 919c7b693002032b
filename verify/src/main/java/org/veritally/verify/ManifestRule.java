package org.veritally.verify;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * What {@link Check#VFY_MANIFEST} finds wrong with a static mirror's {@code manifest.json}.
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum ManifestRule implements RuleId {
    /** The mirror has a site but no manifest.json, or the manifest does not parse. */
    MAN_FMT("MAN-FMT", "the mirror has a site but no manifest.json, or the manifest does not parse"),
    /** The manifest's checkpoint is not signed by the pinned log key. */
    MAN_SIG("MAN-SIG", "the manifest's checkpoint is not signed by the pinned log key"),
    /** The manifest's treeSize and root are not those of its signed checkpoint. */
    MAN_SIZE("MAN-SIZE", "the manifest's treeSize and root are not those of its signed checkpoint"),
    /** The manifest is bound to another checkpoint than the mirror's, or the mirror's does not parse. */
    MAN_CKPT(
            "MAN-CKPT",
            "the manifest is bound to another checkpoint than the mirror's, or the mirror's does not parse"),
    /** The manifest lists a file the mirror lacks. */
    MAN_MISSING("MAN-MISSING", "the manifest lists a file the mirror lacks"),
    /** A file's SHA-256 is not the one the manifest lists. */
    MAN_HASH("MAN-HASH", "a file's SHA-256 is not the one the manifest lists"),
    /** A file of the mirror that the manifest does not list. */
    MAN_UNLISTED("MAN-UNLISTED", "a file of the mirror that the manifest does not list");

    private final String id;
    private final String description;

    ManifestRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule refuses the request or the publication. */
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
