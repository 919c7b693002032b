package org.veritally.server.http;

import io.javalin.config.RoutesConfig;

/** A group of HTTP routes that plugs into the {@link ApiServer} (the website, the log's tiles). */
public interface Routes {
    void register(RoutesConfig routes);
}
