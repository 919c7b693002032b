package org.veritally.core.entry;

/**
 * One operation over every kind of {@link Entry}. Dispatch over entry kinds goes through this
 * interface only ({@link Entry#accept}): a new kind adds a method here, so every consumer that does
 * not handle it fails to compile.
 *
 * @param <R> what the operation returns
 */
public interface EntryVisitor<R> {
    R election(ElectionEntry e);

    R catalogue(CatalogueEntry e);

    R source(SourceEntry e);

    R key(KeyEntry e);

    R sheet(SheetEntry e);

    R announcement(AnnouncementEntry e);

    R evidence(EvidenceEntry e);

    R revocation(RevocationEntry e);

    /** A transcription, a flag or a pause ({@link TranscriptionWork} dispatches further). */
    R transcription(TranscriptionWork e);

    /** A risk-limiting audit's definition, seed reveal or hand count (issue 19). */
    R audit(AuditEntry e);
}
