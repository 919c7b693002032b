package org.veritally.server.ops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structured request log: one JSON object per answered request, logged at INFO through SLF4J on
 * the logger {@value #LOGGER} — {@code time}, {@code method}, {@code route} (the route template, never
 * the raw path or query), {@code status}, {@code ms}, and when present {@code account} (the
 * authenticated account's id) and {@code rules} (the rule IDs of a problem answer). Nothing else from
 * the request is logged: no header, no body, no query string, no client address; so no bearer token
 * can reach a log line (tested in {@code NoSecretInLogsTest}). Unexpected exceptions (HTTP 500) are
 * logged at ERROR with their stack trace, which holds code locations, not request data; a write refused
 * for want of space ({@code STORE-FULL}) at WARN, naming the database, without a stack trace. Thread-safe.
 */
public final class RequestLog {
    public static final String LOGGER = "veritally.http";
    private final Logger log = LoggerFactory.getLogger(LOGGER);
    private final boolean enabled;

    public RequestLog(boolean enabled) {
        this.enabled = enabled;
    }

    /** The JSON line for one request. */
    static String line(
            Instant time,
            String method,
            String route,
            int status,
            double ms,
            Optional<String> account,
            List<String> rules) {
        var j = new JsonLine()
                .str("time", time.toString())
                .str("method", method)
                .str("route", route)
                .num("status", status)
                .millis("ms", ms);
        account.ifPresent(a -> j.str("account", a));
        if (!rules.isEmpty()) j.strings("rules", rules);
        return j.end();
    }

    void request(String method, String route, int status, double ms, Optional<String> account, List<String> rules) {
        if (enabled && log.isInfoEnabled()) log.info(line(Instant.now(), method, route, status, ms, account, rules));
    }

    /** A write refused for want of space: the operator must act, so the line names the database or directory. */
    void storageFull(String method, String route, String message) {
        log.warn(new JsonLine()
                .str("time", Instant.now().toString())
                .str("event", "store-full")
                .str("method", method)
                .str("route", route)
                .str("message", message)
                .end());
    }

    /** An internal error is one line; its stack trace once per kind ({@link TraceOnce}), always under DEBUG. */
    private static final boolean DEBUG = System.getenv("VERITALLY_DEBUG") != null;

    private final TraceOnce traces = new TraceOnce(DEBUG);

    void internalError(String method, String route, Exception e) {
        log.error(
                new JsonLine()
                        .str("time", Instant.now().toString())
                        .str("event", "internal-error")
                        .str("method", method)
                        .str("route", route)
                        .str("exception", e.getClass().getName())
                        .str("message", String.valueOf(e.getMessage()))
                        .end(),
                traces.traceOf(e));
    }
}
