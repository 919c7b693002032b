package org.veritally.core.entry;

/**
 * A record in the log, the system of record. Everything that changes state is an entry; tables and
 * totals are projections of the entries. Each kind has a fixed canonical JSON form, specified in
 * docs/log-format.md and encoded by {@code org.veritally.formats.entry.EntryCodec}.
 */
public sealed interface Entry
        permits ElectionEntry,
                CatalogueEntry,
                SourceEntry,
                SheetEntry,
                AnnouncementEntry,
                KeyEntry,
                EvidenceEntry,
                RevocationEntry,
                TranscriptionWork,
                AuditEntry {
    /** The {@code kind} member of the entry's JSON. */
    String kind();

    /** Calls the method of {@code v} for this entry's kind. */
    <R> R accept(EntryVisitor<R> v);
}
