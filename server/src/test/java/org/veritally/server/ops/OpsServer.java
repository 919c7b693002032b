package org.veritally.server.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.Routes;
import org.veritally.server.http.WriteToken;

/** Test fixture: a data directory with a generated election and an API server on loopback. */
final class OpsServer implements AutoCloseable {
    static final String SHEET =
            "{\"station\":\"P3\",\"contest\":\"C1\",\"source\":\"authority\",\"counts\":{\"ballots\":10"
                    + "0,\"valid\":95,\"null\":3,\"blank\":2},"
                    + "\"votes\":{\"C1-L1\":50,\"C1-L2\":40,\"C1-L3\":5}}";
    /** A stand-in for the website's routes: an HTML page registered the way {@code web.WebSite} registers its own. */
    static final Routes PAGE = r -> r.get(
            "/{lang}", ctx -> ctx.contentType("text/html; charset=utf-8").result("<!doctype html><title>t</title>"));

    final Instance in;
    final ApiServer api;
    final String base;
    final String token;
    final HttpClient http = HttpClient.newHttpClient();

    private OpsServer(Instance in, OpsConfig config, List<Routes> extra) throws Exception {
        this.in = in;
        this.api = new ApiServer(in, WriteToken.load(in.dir()), extra, config).start("127.0.0.1", 0);
        this.base = "http://127.0.0.1:" + api.port();
        this.token = Files.readString(in.dir().resolve(WriteToken.FILE)).strip();
    }

    /** A server over a defined election (50 stations, contest C1 with choices C1-L1..L3). */
    static OpsServer start(Path dir, OpsConfig config) throws Exception {
        return new OpsServer(
                Fixtures.defined(dir, new SyntheticElection(50, 1, 3, 2, 4).definition()), config, List.of(PAGE));
    }

    /** As {@link #start(Path, OpsConfig)}, also serving {@code extra} (the log's routes, for instance). */
    static OpsServer start(Path dir, OpsConfig config, java.util.function.Function<Instance, List<Routes>> extra)
            throws Exception {
        Instance in = Fixtures.defined(dir, new SyntheticElection(50, 1, 3, 2, 4).definition());
        var routes = new java.util.ArrayList<Routes>(extra.apply(in));
        routes.add(PAGE);
        return new OpsServer(in, config, routes);
    }

    /** A server over an empty data directory: no election defined. */
    static OpsServer empty(Path dir, OpsConfig config) throws Exception {
        return new OpsServer(Instance.open(dir), config, List.of(PAGE));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String auth) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (auth != null) b.header("Authorization", auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postSheet(String body) throws Exception {
        return post("/api/sheets", body, "Bearer " + token);
    }

    @Override
    public void close() {
        api.close();
        in.close();
    }
}
