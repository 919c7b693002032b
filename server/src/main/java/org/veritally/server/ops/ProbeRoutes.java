package org.veritally.server.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.veritally.server.http.Routes;

/**
 * The operations endpoints: {@code GET /healthz} (200 while the process serves HTTP),
 * {@code GET /readyz} (200 when {@link Readiness} passes, else 503 with {@code Retry-After}; the body
 * names each check) and {@code GET /metrics} (Prometheus text format). Never cached, never rate
 * limited. Must be registered before the website's catch-all {@code /{lang}} routes. Thread-safe.
 */
final class ProbeRoutes implements Routes {
    static final String HEALTH = "/healthz";
    static final String READY = "/readyz";
    static final String METRICS = "/metrics";
    private final Readiness readiness;
    private final Supplier<String> metrics;

    ProbeRoutes(Readiness readiness, Supplier<String> metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
    }

    static boolean isProbe(String path) {
        return path.equals(HEALTH) || path.equals(READY) || path.equals(METRICS);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(HEALTH, ctx -> json(ctx.status(200), "{\"status\":\"up\"}"));
        routes.get(READY, this::ready);
        routes.get(
                METRICS,
                ctx -> ctx.header("Cache-Control", "no-store")
                        .contentType(Exposition.CONTENT_TYPE)
                        .result(metrics.get()));
    }

    private void ready(Context ctx) {
        var r = readiness.check();
        var j = new JsonLine().str("status", r.ready() ? "ready" : "not ready");
        r.checks().forEach(j::str);
        if (!r.ready()) ctx.header("Retry-After", "5");
        json(ctx.status(r.ready() ? 200 : 503), j.end());
    }

    private static void json(Context ctx, String body) {
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(body);
    }
}
