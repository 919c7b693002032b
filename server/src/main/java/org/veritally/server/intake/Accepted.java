package org.veritally.server.intake;

import java.util.List;
import java.util.Optional;
import org.veritally.core.validation.Problem;

/**
 * A record the sequencer accepted: where it came from, its log index and leaf hash, whether it
 * merely repeated a sheet already in the log ({@code idempotent}: no new entry), its flags, and for
 * a new entry of an online batch its receipt (C2SP tlog-proof against the batch's checkpoint, built
 * from memory by the sequencer: see {@code BatchHashReader}).
 */
public record Accepted(
        String location,
        long index,
        byte[] leafHash,
        boolean idempotent,
        List<Problem> flags,
        Optional<String> receipt) {
    public Accepted {
        flags = List.copyOf(flags);
    }

    /** Without a receipt. */
    public Accepted(String location, long index, byte[] leafHash, boolean idempotent, List<Problem> flags) {
        this(location, index, leafHash, idempotent, flags, Optional.empty());
    }

    /** The same record at another location. */
    public Accepted at(String where) {
        return new Accepted(where, index, leafHash, idempotent, flags, receipt);
    }
}
