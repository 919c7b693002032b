package org.veritally.server.ops;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * Refusals of the server itself, whatever the request's content: its size, its rate, a busy
 * sequencer, an unavailable database, an internal error.
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum ServerRule implements RuleId {
    /** The request body exceeds the server's limit (HTTP 413). */
    SRV_SIZE("SRV-SIZE", "the request body exceeds the server's limit (HTTP 413)"),
    /** Too many requests from one client or account (HTTP 429 with Retry-After). */
    SRV_RATE("SRV-RATE", "too many requests from one client or account (HTTP 429 with Retry-After)"),
    /** The sequencer's queue is full (HTTP 503). */
    SRV_BUSY("SRV-BUSY", "the sequencer's queue is full (HTTP 503)"),
    /** The database is unavailable (HTTP 503 with Retry-After). */
    SRV_STORE("SRV-STORE", "the database is unavailable (HTTP 503 with Retry-After)"),
    /** The request is malformed below the JSON: its body ended before its declared length (HTTP 400). */
    SRV_BODY("SRV-BODY", "the request body was cut off before its declared length, or is malformed HTTP (HTTP 400)"),
    /** The server has as many live event streams open as it allows (HTTP 503 with Retry-After). */
    SRV_STREAMS(
            "SRV-STREAMS", "the server has as many live event streams open as it allows (HTTP 503 with Retry-After)"),
    /** An internal error, answered without details (HTTP 500). */
    SRV_INTERNAL("SRV-INTERNAL", "an internal error, answered without details (HTTP 500)");

    private final String id;
    private final String description;

    ServerRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule refuses the request or the publication. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return description;
    }

    /** The ID, as messages print it. */
    @Override
    public String toString() {
        return id;
    }
}
