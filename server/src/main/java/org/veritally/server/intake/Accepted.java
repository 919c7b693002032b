package org.veritally.server.intake;

import java.util.List;
import org.veritally.core.validation.Problem;

/**
 * A record the sequencer accepted: where it came from, its log index and leaf hash, whether it
 * merely repeated a sheet already in the log ({@code idempotent}: no new entry), and its flags.
 */
public record Accepted(String location, long index, byte[] leafHash, boolean idempotent, List<Problem> flags) {
  public Accepted {
    flags = List.copyOf(flags);
  }
}
