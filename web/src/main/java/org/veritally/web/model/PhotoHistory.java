package org.veritally.web.model;

import java.util.List;
import java.util.Optional;

/**
 * How one photo was transcribed (docs/transcription.md): its SHA-256, the source it was filed for, its status
 * (the rulebook's: open, agreed, escalated, settled, rejected), the contest and the public copy, the contest's
 * choice names in ballot order, and every piece of work in log order. Immutable.
 */
public record PhotoHistory(
        String photo,
        String station,
        String source,
        String status,
        String contest,
        Optional<String> image,
        List<Option> choices,
        List<Typed> work) {
    public PhotoHistory {
        choices = List.copyOf(choices);
        work = List.copyOf(work);
    }

    /**
     * One piece of work: its log index, the account, whether a moderator's, and either the flag's reason or
     * the figures typed (votes in ballot order, valid, null).
     */
    public record Typed(
            long index,
            String account,
            boolean moderator,
            Optional<String> flag,
            List<Long> votes,
            long valid,
            long nulls) {
        public Typed {
            votes = List.copyOf(votes);
        }
    }
}
