package org.veritally.server.ops;

import java.util.OptionalLong;
import org.veritally.core.validation.RuleId;

/**
 * A request refused before it reached its handler: too large ({@code SRV-SIZE}, 413), over a rate
 * limit ({@code SRV-RATE}, 429, with {@code Retry-After}), or a write while the integrity check has failed
 * (503 with its {@code INTEG-*} ID). Thrown by {@link RequestGuard} and answered
 * as RFC 9457 problem+json by the API server's exception handler. Immutable.
 */
public final class RequestRefused extends RuntimeException {
    private final int status;
    private final RuleId rule;
    private final OptionalLong retryAfterSeconds;

    RequestRefused(int status, RuleId rule, String detail, OptionalLong retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.rule = rule;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** SRV-SIZE for a body found too long while reading it (no Content-Length told beforehand). */
    public static RequestRefused tooLargeBody(long maxBytes) {
        return tooLarge(maxBytes);
    }

    static RequestRefused tooLarge(long maxBytes) {
        return new RequestRefused(
                413, ServerRule.SRV_SIZE, "the request body exceeds " + maxBytes + " bytes", OptionalLong.empty());
    }

    /** A write while the integrity check has failed: 503 with the check's rule ID, until an operator repairs it. */
    static RequestRefused integrity(org.veritally.server.integrity.Mismatch m) {
        return new RequestRefused(
                503,
                m.rule(),
                "writes are refused until an operator repairs the database (docs/operations.md, Integrity at rest): "
                        + m.message(),
                OptionalLong.empty());
    }

    static RequestRefused rateLimited(String scope, long retryAfterSeconds) {
        return new RequestRefused(
                429,
                ServerRule.SRV_RATE,
                "too many requests from this " + scope + "; retry after " + retryAfterSeconds + " s",
                OptionalLong.of(retryAfterSeconds));
    }

    public int status() {
        return status;
    }

    public RuleId rule() {
        return rule;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
