package org.veritally.server.ops;

import java.util.OptionalLong;

/**
 * A request refused before it reached its handler: too large ({@code SRV-SIZE}, 413) or over a rate
 * limit ({@code SRV-RATE}, 429, with {@code Retry-After}). Thrown by {@link RequestGuard} and answered
 * as RFC 9457 problem+json by the API server's exception handler. Immutable.
 */
public final class RequestRefused extends RuntimeException {
  public static final String SIZE = "SRV-SIZE";
  public static final String RATE = "SRV-RATE";
  private final int status;
  private final String rule;
  private final OptionalLong retryAfterSeconds;

  RequestRefused(int status, String rule, String detail, OptionalLong retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.rule = rule;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static RequestRefused tooLarge(long maxBytes) {
    return new RequestRefused(413, SIZE, "the request body exceeds " + maxBytes + " bytes", OptionalLong.empty());
  }

  static RequestRefused rateLimited(String scope, long retryAfterSeconds) {
    return new RequestRefused(429, RATE, "too many requests from this " + scope + "; retry after " + retryAfterSeconds + " s",
        OptionalLong.of(retryAfterSeconds));
  }

  public int status() {
    return status;
  }

  public String rule() {
    return rule;
  }

  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
