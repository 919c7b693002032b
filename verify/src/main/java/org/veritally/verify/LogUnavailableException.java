package org.veritally.verify;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An infrastructure failure while reading or writing a log: the network, a server error, a disk.
 * Not evidence about the log, so never a failed check: the command line turns it into exit code 2.
 */
public final class LogUnavailableException extends UncheckedIOException {

    /** A failure described by {@code message}, caused by {@code cause}. */
    public LogUnavailableException(String message, IOException cause) {
        super(message, cause);
    }

    /** A failure without an underlying exception (for example an HTTP 500 answer). */
    public LogUnavailableException(String message) {
        super(message, new IOException(message));
    }
}
