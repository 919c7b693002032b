package org.veritally.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.OptionalLong;
import org.veritally.server.Instance;
import org.veritally.server.read.TreeAsOf;

/**
 * The reporting timeline over HTTP (docs/api.md, "Reporting timeline"): {@code GET
 * /api/timeline?unit=&contest=&view=}, JSON in the shape of {@link org.veritally.formats.timeline.Timeline};
 * with {@code at=N}, {@code {asOf, timeline}}: the timeline as of log size N (RD-AT for a size the log never had).
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
        Optional<Long> at = AsOfRoutes.at(ctx);
        if (at.isPresent()) {
            // as of a size: {asOf, timeline}, as every answer given as of N (docs/api.md, "As of a checkpoint")
            TreeAsOf tree = TreeAsOf.of(instance.store(), at.get());
            var t = instance.timeline()
                    .timeline(
                            q(ctx, "unit"),
                            q(ctx, "contest"),
                            q(ctx, "view").orElse("official"),
                            OptionalLong.of(at.get()));
            var m = new LinkedHashMap<String, Object>();
            m.put("asOf", AsOfJson.describe(tree, instance.store().logSize()));
            m.put("timeline", t);
            ApiServer.json(ctx, m);
            return;
        }
        var t = instance.timeline()
                .timeline(q(ctx, "unit"), q(ctx, "contest"), q(ctx, "view").orElse("official"));
        ctx.header("Cache-Control", "public, max-age=5");
        ctx.contentType("application/json").result(Json.bytes(t));
    }

    private static Optional<String> q(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
