package org.veritally.server.intake;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers which station × contest × source keys one input (a file, a request) already had, for
 * rule TS-DUP-ROW, with the location of the first occurrence. Not thread-safe; one per input.
 */
public final class DuplicateRows {
  private final Map<Long, String> seen = new HashMap<>();

  /** The location of an earlier row with this key; empty when the key is new (and now recorded). */
  java.util.Optional<String> firstSeen(long key, String location) {
    return java.util.Optional.ofNullable(seen.putIfAbsent(key, location));
  }
}
