package org.veritally.server.transcribe;

import java.time.Instant;
import java.util.List;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.transcribe.PhotoKey;

/**
 * A photo handed to one account until {@code leasedUntil}: never the figures anyone else typed.
 * Whether it is a gold task is not said. {@code contestId} is the contest the photo was filed for (or the
 * election's only one); empty when the photo was filed with none in an election of several: then the
 * volunteer chooses which contest's sheet the photo shows, and the contest is one of the figures that must
 * agree (docs/transcription.md#a-photo-filed-with-no-contest). Immutable.
 */
public record Task(PhotoKey photo, String contestId, Instant leasedUntil) {
    /** Whether the volunteer chooses the contest (the filing named none, and the election has several). */
    public boolean contestToChoose() {
        return contestId.isEmpty();
    }

    /** The contests this photo may be typed as, in the election's order: the task's, or every one to choose from. */
    public List<Contest> contests(Election election) {
        if (!contestToChoose()) return election.contest(contestId).map(List::of).orElse(List.of());
        return election.contests();
    }

    /**
     * The contest the volunteer types the photo as: the task's, else {@code chosen} if it is a contest of the
     * election, else empty (still to choose).
     */
    public String contestAs(Election election, String chosen) {
        if (!contestToChoose()) return contestId;
        return election.contest(chosen).isPresent() ? chosen : "";
    }
}
