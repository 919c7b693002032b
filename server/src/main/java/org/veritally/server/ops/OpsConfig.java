package org.veritally.server.ops;

import java.util.Optional;

/**
 * The server's hardening and operations settings, set by {@code serve} options (docs/operations.md,
 * docs/security.md). Immutable.
 *
 * @param perAccount writes per authenticated account ({@code --rate-limit-account})
 * @param perAddress writes per client address ({@code --rate-limit-address})
 * @param reads reads per client address ({@code --rate-limit-reads}); off by default, since reads are
 *     meant to be served by a cache or CDN, which would otherwise be the one throttled address
 * @param maxBodyBytes the largest request body accepted ({@code --max-body}); larger is 413 SRV-SIZE
 * @param behindTls the operator declared that clients reach the server over TLS ({@code --behind-tls}):
 *     only then is {@code Strict-Transport-Security} sent
 * @param clientAddressHeader the header a trusted reverse proxy puts the client's address in
 *     ({@code --client-address-header}); empty: the socket address counts
 * @param requestLog whether to write one JSON line per request ({@code --request-log})
 * @param integrityInterval how often the integrity check runs after the one at start-up
 *     ({@code --integrity-check-every}; zero: at start-up only)
 */
public record OpsConfig(
        RateLimit perAccount,
        RateLimit perAddress,
        RateLimit reads,
        int maxBodyBytes,
        boolean behindTls,
        Optional<String> clientAddressHeader,
        boolean requestLog,
        java.time.Duration integrityInterval) {
    public static final RateLimit DEFAULT_PER_ACCOUNT = RateLimit.parse("20/s:200");
    public static final RateLimit DEFAULT_PER_ADDRESS = RateLimit.parse("50/s:500");
    public static final int DEFAULT_MAX_BODY = 64 * 1024;

    public OpsConfig {
        if (maxBodyBytes < 1) throw new IllegalArgumentException("max body must be at least 1 byte");
        clientAddressHeader = clientAddressHeader.filter(h -> !h.isBlank());
        if (integrityInterval.isNegative()) throw new IllegalArgumentException("negative integrity check interval");
    }

    /** The documented defaults: writes limited per account and per address, reads unlimited, 64 KiB bodies. */
    public static OpsConfig defaults() {
        return new OpsConfig(
                DEFAULT_PER_ACCOUNT,
                DEFAULT_PER_ADDRESS,
                RateLimit.OFF,
                DEFAULT_MAX_BODY,
                false,
                Optional.empty(),
                true,
                org.veritally.server.integrity.IntegrityMonitor.DEFAULT_INTERVAL);
    }

    public OpsConfig withRateLimits(RateLimit account, RateLimit address, RateLimit readLimit) {
        return new OpsConfig(
                account,
                address,
                readLimit,
                maxBodyBytes,
                behindTls,
                clientAddressHeader,
                requestLog,
                integrityInterval);
    }

    public OpsConfig withMaxBody(int bytes) {
        return new OpsConfig(
                perAccount, perAddress, reads, bytes, behindTls, clientAddressHeader, requestLog, integrityInterval);
    }

    public OpsConfig withTls(boolean tls) {
        return new OpsConfig(
                perAccount, perAddress, reads, maxBodyBytes, tls, clientAddressHeader, requestLog, integrityInterval);
    }

    public OpsConfig withClientAddressHeader(Optional<String> header) {
        return new OpsConfig(
                perAccount, perAddress, reads, maxBodyBytes, behindTls, header, requestLog, integrityInterval);
    }

    public OpsConfig withIntegrityInterval(java.time.Duration every) {
        return new OpsConfig(
                perAccount, perAddress, reads, maxBodyBytes, behindTls, clientAddressHeader, requestLog, every);
    }

    public OpsConfig withRequestLog(boolean on) {
        return new OpsConfig(
                perAccount, perAddress, reads, maxBodyBytes, behindTls, clientAddressHeader, on, integrityInterval);
    }
}
