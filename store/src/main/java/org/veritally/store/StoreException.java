package org.veritally.store;

/**
 * An infrastructure failure of the database (I/O, full disk, lock). Unchecked; translated once at
 * the edge into an HTTP 503 or a CLI exit code 2. Never used for bad input.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
