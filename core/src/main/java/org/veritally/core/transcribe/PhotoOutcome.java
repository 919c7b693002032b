package org.veritally.core.transcribe;

import java.util.Optional;
import org.veritally.core.model.TallySheet;

/**
 * What the rulebook derived from an accepted transcription or flag: the photo's status after it, and
 * the copy of the photo's source it yields (present once, on the entry that makes k agree or settles
 * the photo, when the source has no copy of the station yet). Immutable.
 */
public record PhotoOutcome(PhotoStatus status, Optional<TallySheet> copy) {
    public PhotoOutcome {
        if (copy.isPresent() && status != PhotoStatus.AGREED && status != PhotoStatus.SETTLED)
            throw new IllegalArgumentException("only an agreed or settled photo yields a copy");
    }
}
