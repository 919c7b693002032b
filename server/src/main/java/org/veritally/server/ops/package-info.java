/**
 * Hardening and operations of the HTTP server (docs/operations.md, docs/security.md): request-size
 * and rate limits ({@link org.veritally.server.ops.RequestGuard}, rules {@code SRV-SIZE} 413 and
 * {@code SRV-RATE} 429), security headers ({@link org.veritally.server.ops.SecurityHeaders}),
 * {@code /healthz}, {@code /readyz} and Prometheus {@code /metrics}
 * ({@link org.veritally.server.ops.ProbeRoutes}, {@link org.veritally.server.ops.ServerMetrics}),
 * and one structured JSON log line per request that never carries a credential
 * ({@link org.veritally.server.ops.RequestLog}).
 *
 * <p>{@link org.veritally.server.ops.Operations} wires them into the API server's Javalin
 * configuration; everything else in this package is plain Java with no Javalin type in its API
 * except the handlers themselves.
 */
package org.veritally.server.ops;
