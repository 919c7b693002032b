package org.veritally.verify.io;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>Made for plain static servers as well as Veritally's own (issue 15): at most {@link
 * HttpPolicy#concurrency()} requests are in flight; a GET that fails for a reason that may pass (a
 * dropped or reset connection, HTTP 429, 502, 503 or 504) is tried again after an exponential back-off,
 * or after the server's {@code Retry-After} seconds; it is spoken in HTTP/1.1 (no HTTP/2 upgrade, which
 * HTTP/1.0 servers mishandle), and after the first dropped connection every later GET of a plain
 * {@code http:} log goes over a connection of its own in HTTP/1.0 ({@link Http10Get}), as servers that
 * close after each answer expect (over {@code https:} the retries alone). A GET that still fails is a
 * {@link LogUnavailableException} naming the URL, the tries and the last failure.
 *
 * <p>Thread-safe (the JDK client is; the fallback switch is atomic).
 */
public final class HttpLog implements PublishedLog, CosignatureIntake {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final URI base;
    private final HttpClient client;
    private final HttpPolicy policy;
    private final Semaphore inFlight;
    private final AtomicBoolean connectionPerRequest = new AtomicBoolean();

    /** The log whose publication root is {@code base}, read with {@link HttpPolicy#DEFAULT}. */
    public HttpLog(URI base) {
        this(base, HttpPolicy.DEFAULT);
    }

    /** The log whose publication root is {@code base} (the folder holding {@code checkpoint}). */
    public HttpLog(URI base, HttpPolicy policy) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.policy = policy;
        this.inFlight = new Semaphore(policy.concurrency());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
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
        return discover(url, HttpPolicy.DEFAULT);
    }

    /** As {@link #discover(URI)}, read with {@code policy}. */
    public static HttpLog discover(URI url, HttpPolicy policy) {
        HttpLog direct = new HttpLog(url, policy);
        if (direct.read("checkpoint").isPresent()) {
            return direct;
        }
        HttpLog server = new HttpLog(direct.base.resolve("log/"), policy);
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
        String last = "";
        Duration wait = Duration.ZERO;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (attempt > 1) {
                pause(wait, uri);
            }
            int status;
            byte[] body;
            Optional<String> retryAfter;
            try {
                if (connectionPerRequest.get()) {
                    Http10Get.Answer a = limited(() -> Http10Get.get(uri, TIMEOUT), uri);
                    status = a.status();
                    body = a.body();
                    retryAfter = a.header("retry-after");
                } else {
                    HttpResponse<byte[]> r = limited(
                            () -> client.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(TIMEOUT)
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray()),
                            uri);
                    status = r.statusCode();
                    body = r.body();
                    retryAfter = r.headers().firstValue("Retry-After");
                }
            } catch (IOException e) {
                // a dropped connection: the server may close after each answer, so stop reusing connections
                if ("http".equalsIgnoreCase(uri.getScheme())) {
                    connectionPerRequest.set(true);
                }
                last = e.toString();
                wait = policy.backoff(attempt + 1);
                continue;
            }
            if (status == 200) {
                return Optional.of(body);
            }
            if (status == 404 || status == 410) {
                return Optional.empty();
            }
            if (status == 429 || status == 502 || status == 503 || status == 504) {
                last = "HTTP " + status;
                wait = retryAfter
                        .flatMap(HttpLog::seconds)
                        .map(d -> d.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : d)
                        .orElse(policy.backoff(attempt + 1));
                continue;
            }
            throw new LogUnavailableException("GET " + uri + " answered HTTP " + status);
        }
        throw new LogUnavailableException(
                "cannot reach " + uri + " after " + policy.attempts() + " tries; last: " + last);
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
            return limited(() -> client.send(req, HttpResponse.BodyHandlers.ofByteArray()), uri);
        } catch (IOException e) {
            throw new LogUnavailableException("cannot reach " + uri + ": " + e, e);
        }
    }

    /** A request that may throw {@link IOException} or be interrupted. */
    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    /** Runs {@code call} holding one of the {@link HttpPolicy#concurrency()} permits. */
    private <T> T limited(Call<T> call, URI uri) throws IOException {
        try {
            inFlight.acquire();
            try {
                return call.run();
            } finally {
                inFlight.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("interrupted while reading " + uri);
        }
    }

    private static void pause(Duration d, URI uri) {
        try {
            Thread.sleep(d.toMillis()); // a back-off between tries, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("interrupted while waiting to read " + uri + " again");
        }
    }

    /** A {@code Retry-After} in delta-seconds (RFC 9110 §10.2.3); an HTTP-date is left to the back-off. */
    private static Optional<Duration> seconds(String retryAfter) {
        try {
            long s = Long.parseLong(retryAfter.strip());
            return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int parallelism() {
        return policy.concurrency();
    }
}
