package org.veritally.server.log;

import java.util.function.Supplier;
import org.veritally.store.blob.BlobStore;

/**
 * Where {@link Publisher} takes the public copies of the evidence photos that the log names
 * (docs/evidence.md, "In the mirror, and what verify checks"): from the instance's blob store, or
 * nowhere, the publication then saying that it was published without them ({@code publish
 * --without-evidence}). Originals are never published either way. Immutable.
 */
public sealed interface EvidenceCopies {
    /**
     * The public copies are read from the blob store {@code blobs} gives, asked only when an image must
     * be written; one the store lacks refuses the publish ({@code PUB-EVIDENCE}).
     */
    record From(Supplier<BlobStore> blobs) implements EvidenceCopies {}

    /** No image is published; {@link EvidenceFiles#WITHHELD} says so. */
    record Withheld() implements EvidenceCopies {}
}
