package org.veritally.store;

import java.util.Optional;
import org.veritally.core.validation.RuleId;

/**
 * An infrastructure failure of the database or of the data directory (I/O, full disk, lock).
 * Unchecked; translated once at the edge into an HTTP problem or a CLI exit code 2. Never used for
 * bad input. Most are transient (HTTP 503 {@code SRV-STORE}); those that need an operator carry
 * their rule, such as {@link StoreRule#STORE_FULL} (HTTP 507), or the server's {@code LOG-KEY}.
 */
public final class StoreException extends RuntimeException {
    private final Optional<RuleId> rule;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.rule = Optional.empty();
    }

    /** A failure with its own rule ID; {@code message} starts with it. */
    public StoreException(RuleId rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = Optional.of(rule);
    }

    /**
     * The rule ID of a failure that has one ({@link StoreRule#STORE_FULL}, {@code LOG-KEY}); empty for a transient one.
     */
    public Optional<RuleId> rule() {
        return rule;
    }
}
