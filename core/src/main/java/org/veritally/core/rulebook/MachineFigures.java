package org.veritally.core.rulebook;

import java.util.Optional;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;

/**
 * What a machine read from a photo, as figures the rulebook can compare with a transcription: a port, since
 * the payload formats (an acta's QR code) are the adapter's ({@code formats}). Where the election says so
 * ({@code transcription.machineVoter}), such figures count as one transcription of the photo (TR-MACHINE;
 * docs/transcription.md#a-machine-read-as-a-voter). Implementations are pure functions of the evidence entry,
 * so every replay derives the same.
 */
@FunctionalInterface
public interface MachineFigures {
    /** No machine reads count. */
    MachineFigures NONE = (evidence, contestId, election) -> Optional.empty();

    /**
     * The figures a machine read from the photo of {@code evidence} for {@code contestId}, as the copy of the
     * photo's source for its station, if one of its reads parses into them.
     */
    Optional<TallySheet> of(Evidence evidence, String contestId, Election election);
}
