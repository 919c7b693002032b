package org.veritally.core.entry;

import java.util.Optional;
import org.veritally.core.evidence.Evidence;

/**
 * Files a photo or scan of a tally sheet ({@link Evidence}), possibly signed by the filing account's
 * key like a sheet ({@link SheetSignature}: the signature covers the canonical entry without the
 * {@code signature} member). Both hashes, of the original and of the public copy, are in this one
 * entry, so whoever holds the log can check every published image.
 */
public record EvidenceEntry(Evidence evidence, Optional<SheetSignature> signature) implements Entry {
    public EvidenceEntry(Evidence evidence) {
        this(evidence, Optional.empty());
    }

    public String kind() {
        return "evidence";
    }

    @Override
    public <R> R accept(EntryVisitor<R> v) {
        return v.evidence(this);
    }
}
