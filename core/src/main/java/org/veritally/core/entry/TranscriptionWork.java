package org.veritally.core.entry;

import java.util.Optional;

/**
 * The entries of a transcription campaign (docs/transcription.md): volunteers turn photos of tally
 * sheets into numbers, and anyone reports a photo. One member of {@link EntryVisitor}
 * ({@link EntryVisitor#transcription}) covers the four kinds, which dispatch further through
 * {@link Visitor}, so a consumer that ignores transcription work handles it in one method.
 */
public sealed interface TranscriptionWork extends Entry
        permits TranscriptionEntry, TranscriptionFlagEntry, TranscriberPauseEntry, TranscriptionReportEntry {
    /** The entry as transcription work, if it is: for readers outside core that look only at that work. */
    static Optional<TranscriptionWork> of(Entry e) {
        return e instanceof TranscriptionWork w ? Optional.of(w) : Optional.empty();
    }

    /**
     * The account's Ed25519 signature over the canonical entry without it (docs/log-format.md §1.9; its signer
     * is always the entry's account, TR-SIGN). A pause is never signed.
     */
    default Optional<SheetSignature> signature() {
        return Optional.empty();
    }

    /**
     * The account whose work this is, which signs it (TR-SIGN): a transcription's, a flag's or a report's
     * {@code account}; empty for a pause, which is not the paused account's work.
     */
    default Optional<String> worker() {
        return Optional.empty();
    }

    /** Calls the method of {@code v} for this kind. */
    <R> R accept(Visitor<R> v);

    @Override
    default <R> R accept(EntryVisitor<R> v) {
        return v.transcription(this);
    }

    /** One operation over the transcription kinds; a new kind adds a method here. */
    interface Visitor<R> {
        R transcription(TranscriptionEntry e);

        R flag(TranscriptionFlagEntry e);

        R pause(TranscriberPauseEntry e);

        R report(TranscriptionReportEntry e);
    }
}
