package org.veritally.verify.io;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.veritally.verify.CosignatureIntake;
import org.veritally.verify.LogUnavailableException;
import org.veritally.verify.PublishedLog;

/**
 * A published log over HTTP(S), read with the JDK {@link HttpClient}: {@code <base>checkpoint},
 * {@code <base>tile/...}, {@code <base>results/...}. A 404 or 410 answer means the file is not
 * published; any other non-200 answer, or a network error, is a {@link LogUnavailableException}.
 * Also the witness's way in: {@link #submit} POSTs a cosigned checkpoint to {@code
 * <base>cosignature}.
 *
 * <p>Thread-safe (the JDK client is).
 */
public final class HttpLog implements PublishedLog, CosignatureIntake {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final URI base;
    private final HttpClient client;

    /** The log whose publication root is {@code base} (the folder holding {@code checkpoint}). */
    public HttpLog(URI base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * The log at {@code url}: its publication root if {@code url/checkpoint} exists, else a Veritally
     * server's log at {@code url/log/} if that has a checkpoint, else {@code url} as given (the
     * checks then report the missing checkpoint).
     */
    public static HttpLog discover(URI url) {
        HttpLog direct = new HttpLog(url);
        if (direct.read("checkpoint").isPresent()) {
            return direct;
        }
        HttpLog server = new HttpLog(direct.base.resolve("log/"));
        return server.read("checkpoint").isPresent() ? server : direct;
    }

    @Override
    public String location() {
        String s = base.toString();
        return s.substring(0, s.length() - 1);
    }

    @Override
    public Optional<byte[]> read(String path) {
        URI uri = base.resolve(path);
        HttpResponse<byte[]> r =
                send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), uri);
        if (r.statusCode() == 200) {
            return Optional.of(r.body());
        }
        if (r.statusCode() == 404 || r.statusCode() == 410) {
            return Optional.empty();
        }
        throw new LogUnavailableException("GET " + uri + " answered HTTP " + r.statusCode());
    }

    @Override
    public void submit(String cosignedNote) {
        URI uri = base.resolve("cosignature");
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(cosignedNote, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> r = send(req, uri);
        if (r.statusCode() / 100 != 2) {
            String body = new String(r.body(), StandardCharsets.UTF_8).strip();
            throw new LogUnavailableException(
                    "the log refused the cosignature: POST " + uri + " answered HTTP " + r.statusCode()
                            + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) : body)));
        }
    }

    private HttpResponse<byte[]> send(HttpRequest req, URI uri) {
        try {
            return client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new LogUnavailableException("cannot reach " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("interrupted while reading " + uri);
        }
    }

    @Override
    public int parallelism() {
        return 8;
    }
}
