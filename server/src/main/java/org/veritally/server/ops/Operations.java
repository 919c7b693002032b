package org.veritally.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.veritally.server.Instance;
import org.veritally.server.http.Authenticator;
import org.veritally.store.CheckpointQueries;
import org.veritally.store.StoreException;

/**
 * Wires hardening and operations into the API server's Javalin configuration, ahead of every other
 * route: the security headers and the {@link RequestGuard} run before each request; after it, write
 * outcomes are counted (accepted, idempotent, rejected by rule ID, read from the problem+json answer
 * so that the write routes need no hook); the request logger records HTTP metrics and writes the
 * {@link RequestLog} line. Thread-safe.
 */
public final class Operations {
    static final String SHEETS = "/api/sheets";
    private static final String PENDING = "veritally.pending";
    private static final String RULES = "veritally.rules";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Instance instance;
    private final OpsConfig config;
    private final RequestGuard guard;
    private final SecurityHeaders headers;
    private final ServerMetrics metrics = new ServerMetrics();
    private final PendingSubmissions pending = new PendingSubmissions(System::nanoTime);
    private final RequestLog log;
    private final ProbeRoutes probes;
    /** A full disk refuses every write; one log line per interval says so, rather than one per request. */
    static final long FULL_LOG_MS = 10_000;

    private final java.util.concurrent.atomic.AtomicLong lastFullLog =
            new java.util.concurrent.atomic.AtomicLong(-FULL_LOG_MS);

    public Operations(Instance instance, Authenticator auth, OpsConfig config) {
        this.instance = instance;
        this.config = config;
        this.guard = new RequestGuard(config, auth, () -> instance.integrity().failure());
        this.headers = new SecurityHeaders(config.behindTls());
        this.log = new RequestLog(config.requestLog());
        this.probes = new ProbeRoutes(new Readiness(instance), this::renderMetrics);
    }

    public OpsConfig config() {
        return config;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    /** Installs the body limit, the filters, the request logger and the probe routes. Call before any other route. */
    public void register(JavalinConfig cfg) {
        cfg.http.maxRequestSize = config.maxBodyBytes();
        cfg.routes.before(headers);
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new HeadedErrorHandler(headers)));
        cfg.routes.beforeMatched(guard);
        cfg.routes.before(SHEETS, ctx -> {
            if (ctx.method().name().equals("POST")) {
                Object token = new Object();
                ctx.attribute(PENDING, token);
                pending.start(token);
            }
        });
        cfg.routes.after(this::after);
        cfg.requestLogger.http(this::answered);
        probes.register(cfg.routes);
    }

    /**
     * Logs a write refused for want of space (answered 507 STORE-FULL by the caller), at most once per {@value
     * #FULL_LOG_MS} ms.
     */
    public void storageFull(Context ctx, StoreException e) {
        long now = System.currentTimeMillis();
        long last = lastFullLog.get();
        if (now - last >= FULL_LOG_MS && lastFullLog.compareAndSet(last, now))
            log.storageFull(method(ctx), route(ctx), e.getMessage());
    }

    /** Logs an unexpected exception (answered 500 SRV-INTERNAL by the caller), without request data. */
    public void internalError(Context ctx, Exception e) {
        log.internalError(method(ctx), route(ctx), e);
    }

    private void after(Context ctx) {
        finishPending(ctx);
        int status = ctx.statusCode();
        List<String> rules = status >= 400 ? rules(ctx) : List.of();
        ctx.attribute(RULES, rules);
        if (!RequestGuard.isWrite(ctx.method().name())) return;
        // a write refused before its body was read (401, 403, 422 from the query string): the client is most
        // likely still sending it; left unread, Jetty resets the connection and the client never sees the answer
        if (status >= 400) RequestGuard.discardBody(ctx);
        String route = route(ctx);
        if (status == 201) metrics.accepted(route);
        else if (status == 200) metrics.idempotent(route);
        else if (status >= 400) for (String r : rules.isEmpty() ? List.of("none") : rules) metrics.rejected(route, r);
    }

    private void answered(Context ctx, Float ms) {
        finishPending(ctx);
        String method = method(ctx);
        String route = route(ctx);
        int status = ctx.statusCode();
        metrics.request(method, route, status, ms / 1000.0);
        List<String> rules = ctx.attribute(RULES);
        log.request(
                method,
                route,
                status,
                ms,
                Optional.ofNullable(ctx.attribute(RequestGuard.ACCOUNT)),
                rules == null ? List.of() : rules);
    }

    private void finishPending(Context ctx) {
        Object token = ctx.attribute(PENDING);
        if (token != null) pending.finish(token);
    }

    private static String method(Context ctx) {
        String m = ctx.method().name();
        return METHODS.contains(m) ? m : "OTHER";
    }

    /** The matched route template; {@code unmatched} otherwise, so raw paths never become labels. */
    static String route(Context ctx) {
        try {
            Endpoint e = ctx.endpoints().matchedHttpEndpoint();
            if (e == null) e = ctx.endpoints().lastHttpEndpoint();
            return e == null ? "unmatched" : e.path;
        } catch (RuntimeException notMatched) {
            return "unmatched";
        }
    }

    /** The distinct rule IDs of a problem+json answer, in order. */
    private static List<String> rules(Context ctx) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("application/problem+json")) return List.of();
        try {
            String body = ctx.result();
            if (body == null) return List.of();
            List<String> out = new ArrayList<>(2);
            for (JsonNode p : JSON.readTree(body).path("problems")) {
                String r = p.path("rule").asText("");
                if (!r.isEmpty() && !out.contains(r)) out.add(r);
            }
            return out;
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    private String renderMetrics() {
        boolean up = true;
        long[] cp = {-1, -1};
        try {
            new CheckpointQueries(instance.store()).latest().ifPresent(c -> {
                cp[0] = c.treeSize();
                cp[1] = c.createdMs();
            });
        } catch (RuntimeException e) {
            up = false;
        }
        OptionalLong size = cp[0] < 0 ? OptionalLong.empty() : OptionalLong.of(cp[0]);
        OptionalDouble age = cp[1] < 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(Math.max(0, System.currentTimeMillis() - cp[1]) / 1000.0);
        boolean sequencer;
        try {
            sequencer = up && instance.isSequencer();
        } catch (RuntimeException e) {
            sequencer = false;
        }
        var integrity = instance.integrity().status();
        return metrics.render(new ServerMetrics.Sample(
                up,
                sequencer,
                instance.state().logSize(),
                size,
                age,
                pending.count(),
                pending.oldestSeconds(),
                integrity instanceof org.veritally.server.integrity.IntegrityMonitor.Failed f
                        ? Optional.of(f.mismatch().rule().id())
                        : Optional.empty(),
                integrity instanceof org.veritally.server.integrity.IntegrityMonitor.Passed p
                        ? OptionalDouble.of(p.seconds())
                        : OptionalDouble.empty()));
    }
}
