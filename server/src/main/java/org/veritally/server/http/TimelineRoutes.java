package org.veritally.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.veritally.server.Instance;

/**
 * The reporting timeline over HTTP (docs/api.md, "Reporting timeline"): {@code GET
 * /api/timeline?unit=&contest=&view=}, JSON in the shape of {@link org.veritally.formats.timeline.Timeline}.
 * The unit defaults to the root, the contest to the first, the view to {@code official}; an unknown one
 * is a 404 problem with its rule (RD-UNIT, RD-CONTEST, RD-VIEW), through the API's handler. Thread-safe.
 */
public final class TimelineRoutes implements Routes {
    private final Instance instance;

    public TimelineRoutes(Instance instance) {
        this.instance = instance;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/timeline", this::timeline);
    }

    private void timeline(Context ctx) {
        var t = instance.timeline()
                .timeline(q(ctx, "unit"), q(ctx, "contest"), q(ctx, "view").orElse("official"));
        ctx.header("Cache-Control", "public, max-age=5");
        ctx.contentType("application/json").result(Json.bytes(t));
    }

    private static Optional<String> q(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
