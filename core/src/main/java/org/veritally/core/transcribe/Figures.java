package org.veritally.core.transcribe;

import java.util.Optional;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.model.TallySheet;

/**
 * The figures a current copy at an entry's index has: a sheet entry's own, or an agreed copy's, which
 * are those of the transcription that completed the agreement or settled the photo (docs/log-format.md
 * §5.9). For replayers that read a copy back from the log by its index. Stateless.
 */
public final class Figures {
    private Figures() {}

    /** The copy's figures at {@code e}, if a copy can stand at it. */
    public static Optional<TallySheet> of(Entry e) {
        if (e instanceof SheetEntry s) return Optional.of(s.sheet());
        if (e instanceof TranscriptionEntry t) return Optional.of(t.sheet());
        return Optional.empty();
    }

    /** Whether {@code e} is a moderator's transcription. */
    public static boolean settles(Entry e) {
        return e instanceof TranscriptionEntry t && t.settles();
    }
}
