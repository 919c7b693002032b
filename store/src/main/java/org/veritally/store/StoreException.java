package org.veritally.store;

import java.util.Optional;

/**
 * An infrastructure failure of the database or of the data directory (I/O, full disk, lock).
 * Unchecked; translated once at the edge into an HTTP problem or a CLI exit code 2. Never used for
 * bad input. Most are transient (HTTP 503 {@code SRV-STORE}); those that need an operator carry
 * their rule ID, such as {@link DiskFull#RULE} (HTTP 507).
 */
public final class StoreException extends RuntimeException {
  private final Optional<String> rule;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
    this.rule = Optional.empty();
  }

  /** A failure with its own rule ID; {@code message} starts with it. */
  public StoreException(String rule, String message, Throwable cause) {
    super(message, cause);
    this.rule = Optional.of(rule);
  }

  /** The rule ID of a failure that has one ({@link DiskFull#RULE}); empty for a transient one. */
  public Optional<String> rule() {
    return rule;
  }
}
