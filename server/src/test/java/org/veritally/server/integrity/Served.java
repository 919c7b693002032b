package org.veritally.server.integrity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;

/** An API server on loopback over the instance, with its write token. */
final class Served implements AutoCloseable {
    final ApiServer api;
    final String base;
    final String token;
    final HttpClient http = HttpClient.newHttpClient();

    Served(Instance in) throws Exception {
        this.api = new ApiServer(in, WriteToken.load(in.dir())).start("127.0.0.1", 0);
        this.base = "http://127.0.0.1:" + api.port();
        this.token = java.nio.file.Files.readString(in.dir().resolve(WriteToken.FILE))
                .strip();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        api.close();
    }
}
