package org.veritally.web.model;

import java.util.List;
import java.util.Optional;

/**
 * The upload form for photos of tally sheets, and what the last sending came to: {@link Blank} (the
 * form as first opened), {@link Refused} (every problem, each with its rule ID; nothing was recorded)
 * or {@link Receipt} (the entry in the log). {@code station} and {@code contest} are what the form
 * sent, to fill it again; the token is never sent back. Immutable.
 */
public record UploadPage(ElectionInfo election, List<Option> contests, String station, Outcome outcome) {
    public UploadPage {
        contests = List.copyOf(contests);
    }

    /** What sending the form came to. */
    public sealed interface Outcome permits Blank, Refused, Receipt {}

    /** The form, not sent yet. */
    public record Blank() implements Outcome {}

    /** Refused: nothing of it is in the log. */
    public record Refused(List<Issue> problems) implements Outcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /**
     * One problem: its rule ID, where ({@code photo}, {@code station}, …), and the message: a message
     * key of the site when {@code translated}, else the rulebook's own words.
     */
    public record Issue(String rule, String location, String message, boolean translated) {}

    /**
     * Filed: the entry's log index ({@code idempotent} when the log held it already), the SHA-256 of
     * the file as sent and of its public copy, the station, what a machine read from it, the flags,
     * and the inclusion proof (C2SP tlog-proof) once a signed checkpoint covers the entry.
     */
    public record Receipt(
            long index,
            boolean idempotent,
            String sha256,
            Optional<String> publicSha256,
            String stationId,
            List<StationPhoto.QrRead> reads,
            List<StationPhoto.Flag> flags,
            Optional<String> proof)
            implements Outcome {
        public Receipt {
            reads = List.copyOf(reads);
            flags = List.copyOf(flags);
        }
    }
}
