package org.veritally.server.integrity;

/**
 * A database that failed an integrity check where the caller cannot go on: {@code rebuild} over a log that
 * is not what its checkpoint signed. Its message is {@link Mismatch#message}. Unchecked; the CLI answers it
 * with exit code 1 and the message. Immutable.
 */
public final class IntegrityFailure extends RuntimeException {
    private final transient Mismatch mismatch;

    public IntegrityFailure(Mismatch mismatch) {
        super(mismatch.message(), null, false, false);
        this.mismatch = mismatch;
    }

    public Mismatch mismatch() {
        return mismatch;
    }
}
