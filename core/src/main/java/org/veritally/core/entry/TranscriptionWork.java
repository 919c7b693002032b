package org.veritally.core.entry;

/**
 * The entries of a transcription campaign (docs/transcription.md): volunteers turn photos of tally
 * sheets into numbers, and anyone reports a photo. One member of {@link EntryVisitor}
 * ({@link EntryVisitor#transcription}) covers the four kinds, which dispatch further through
 * {@link Visitor}, so a consumer that ignores transcription work handles it in one method.
 */
public sealed interface TranscriptionWork extends Entry
        permits TranscriptionEntry, TranscriptionFlagEntry, TranscriberPauseEntry, TranscriptionReportEntry {
    /** The entry as transcription work, if it is: for readers outside core that look only at that work. */
    static java.util.Optional<TranscriptionWork> of(Entry e) {
        return e instanceof TranscriptionWork w ? java.util.Optional.of(w) : java.util.Optional.empty();
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
