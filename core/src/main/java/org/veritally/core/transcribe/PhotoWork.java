package org.veritally.core.transcribe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.TallySheet;

/**
 * The work done on one photo so far, in log order, and the status the rulebook derived from it.
 * Immutable: {@link TranscriptionBook} replaces it as entries are applied.
 */
public record PhotoWork(PhotoKey key, List<Work> work, PhotoStatus status) {
    public PhotoWork {
        work = List.copyOf(work);
    }

    /** No work yet. */
    public static PhotoWork open(PhotoKey key) {
        return new PhotoWork(key, List.of(), PhotoStatus.OPEN);
    }

    /** One transcription or flag: its log index, its account, the figures or the reason, and whether a moderator's. */
    public record Work(
            long index, String account, Optional<TallySheet> sheet, Optional<FlagReason> flag, boolean settles) {}

    /** Whether {@code account} already worked on this photo. */
    public boolean workedBy(String account) {
        for (Work w : work) if (w.account().equals(account)) return true;
        return false;
    }

    /** This work with {@code next} as the status (a report or a return changed it). */
    PhotoWork as(PhotoStatus next) {
        return new PhotoWork(key, work, next);
    }

    /** This work with {@code w} added and {@code next} as the status. */
    PhotoWork with(Work w, PhotoStatus next) {
        List<Work> all = new ArrayList<>(work.size() + 1);
        all.addAll(work);
        all.add(w);
        return new PhotoWork(key, all, next);
    }
}
