package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.testkit.Seeds;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;
import org.veritally.verify.io.HttpLog;
import org.veritally.verify.io.HttpPolicy;
import org.veritally.verify.io.Logs;

/**
 * {@code verify} over the plain static servers people publish with (issue 15): Python's {@code http.server}
 * (HTTP/1.0, one answer a connection, a listen backlog of 5), started from the test, and a JDK server that
 * drops connections and answers 503 at random (seeded). Real loopback HTTP, no mocks.
 */
class StaticServerVerifyTest {
    static final NoteSigner LOG = NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519);
    static final HttpPolicy QUICK = new HttpPolicy(4, 8, Duration.ofMillis(1), Duration.ofMillis(20));

    @TempDir
    Path dir;

    @Test
    void aLogServedByPythonHttpServerVerifies() throws Exception {
        MemoryLog log = MemoryLog.publish(MemoryLog.election(500, 2, 3), LOG);
        write(log.files);
        try (Python py = Python.serve(dir)) {
            PublishedLog p = Logs.open(py.url(), HttpPolicy.DEFAULT);
            Report r = new Verifier(LOG.verifierKey(), List.of(), 0).verify(p);
            assertThat(r.verified()).as(ReportFormat.text(r)).isTrue();
            assertThat(r.entries()).isEqualTo(log.size);
        }
    }

    @Test
    void manyFilesReadInParallelFromPythonHttpServerAllArriveWhole() throws Exception {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        SplittableRandom r = new SplittableRandom(Seeds.seed("python files", 15));
        for (int i = 0; i < 600; i++) {
            byte[] b = new byte[200 + r.nextInt(20_000)];
            r.nextBytes(b);
            files.put("en/station/" + i + ".html", b);
        }
        write(files);
        try (Python py = Python.serve(dir)) {
            HttpLog p = new HttpLog(URI.create(py.url()), HttpPolicy.DEFAULT.withConcurrency(8));
            assertThat(readAll(p, files)).isEqualTo(files.size());
        }
    }

    @Test
    void aServerThatDropsConnectionsAndAnswers503AtRandomIsReadWhole() throws Exception {
        MemoryLog log = MemoryLog.publish(MemoryLog.election(500, 2, 5), LOG);
        SplittableRandom r = new SplittableRandom(Seeds.seed("flaky server", 1515));
        AtomicInteger dropped = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        http.setExecutor(pool);
        http.createContext("/", ex -> {
            double dice;
            synchronized (r) {
                dice = r.nextDouble();
            }
            if (dice < 0.15) {
                dropped.incrementAndGet();
                throw new IOException("dropped on purpose"); // the JDK server closes the connection unanswered
            }
            if (dice < 0.3) {
                busy.incrementAndGet();
                ex.getResponseHeaders().add("Retry-After", "0");
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            byte[] body = log.files.get(ex.getRequestURI().getPath().substring(1));
            if (dice < 0.4) {
                ex.getResponseHeaders().add("Connection", "close");
            }
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        http.start();
        try {
            PublishedLog p = Logs.open("http://127.0.0.1:" + http.getAddress().getPort() + "/", QUICK);
            Report rep = new Verifier(LOG.verifierKey(), List.of(), 0).verify(p);
            assertThat(rep.verified()).as(ReportFormat.text(rep)).isTrue();
            assertThat(dropped.get()).as("connections dropped").isPositive();
            assertThat(busy.get()).as("503 answers").isPositive();
        } finally {
            http.stop(0);
            pool.shutdownNow();
        }
    }

    @Test
    void noMoreRequestsAreInFlightThanThePolicyAllows() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        http.setExecutor(pool);
        byte[] body = new byte[50_000];
        http.createContext("/", ex -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            now.decrementAndGet();
            ex.close();
        });
        http.start();
        try {
            HttpLog p = new HttpLog(
                    URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/"), QUICK.withConcurrency(3));
            Map<String, byte[]> files = new java.util.TreeMap<>();
            for (int i = 0; i < 300; i++) {
                files.put("f" + i, body);
            }
            assertThat(readAll(p, files)).isEqualTo(300);
            assertThat(most.get()).isBetween(1, 3);
        } finally {
            http.stop(0);
            pool.shutdownNow();
        }
    }

    @Test
    void aServerThatStaysBusyFailsNamingTheUrlTheTriesAndTheCheck() throws Exception {
        MemoryLog log = MemoryLog.publish(MemoryLog.election(40, 1, 3), LOG);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath().substring(1);
            byte[] body = log.files.get(path);
            if (path.startsWith("tile/entries/")) {
                ex.getResponseHeaders().add("Retry-After", "0");
                ex.sendResponseHeaders(503, -1);
            } else {
                ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    ex.getResponseBody().write(body);
                }
            }
            ex.close();
        });
        http.start();
        try {
            String root = "http://127.0.0.1:" + http.getAddress().getPort() + "/";
            PublishedLog p = Logs.open(root, new HttpPolicy(2, 3, Duration.ofMillis(1), Duration.ofMillis(5)));
            assertThatThrownBy(() -> new Verifier(LOG.verifierKey(), List.of(), 0).verify(p))
                    .isInstanceOf(LogUnavailableException.class)
                    .hasMessageContaining("VFY-LEAVES and VFY-ENTRIES")
                    .hasMessageContaining(root + "tile/entries/")
                    .hasMessageContaining("after 3 tries; last: HTTP 503");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aPolicyOutsideItsBoundsIsRefused() {
        assertThatThrownBy(() -> HttpPolicy.DEFAULT.withConcurrency(0)).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> new HttpPolicy(4, 0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("1 to 20");
    }

    private void write(Map<String, byte[]> files) throws IOException {
        for (var f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent() == null ? dir : p.getParent());
            Files.write(p, f.getValue());
        }
    }

    /** Reads every file from 8 threads and checks its bytes; returns how many matched. */
    private static int readAll(HttpLog p, Map<String, byte[]> files) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> all = new ArrayList<>();
            for (var f : files.entrySet()) {
                all.add(pool.submit(
                        () -> java.util.Arrays.equals(p.read(f.getKey()).orElseThrow(), f.getValue())));
            }
            int ok = 0;
            for (Future<Boolean> f : all) {
                ok += f.get() ? 1 : 0;
            }
            return ok;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code python3 -m http.server} on a free loopback port, serving {@code dir}; skips when python3 is absent. */
    record Python(Process process, int port) implements AutoCloseable {
        static Python serve(Path dir) throws IOException {
            Process p;
            try {
                p = new ProcessBuilder(
                                "python3",
                                "-u",
                                "-m",
                                "http.server",
                                "0",
                                "--bind",
                                "127.0.0.1",
                                "--directory",
                                dir.toString())
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                System.out.println("SKIPPED: python3 is not installed (" + e.getMessage() + ")");
                assumeTrue(false, "SKIPPED: python3 is not installed");
                throw e;
            }
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Pattern port = Pattern.compile("port (\\d+)");
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = port.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> {
                        try {
                            out.transferTo(java.io.Writer.nullWriter());
                        } catch (IOException e) {
                            // the server stopped
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return new Python(p, Integer.parseInt(m.group(1)));
                }
            }
            p.destroy();
            throw new IOException("python3 -m http.server did not say which port it listens on");
        }

        String url() {
            return "http://127.0.0.1:" + port + "/";
        }

        @Override
        public void close() {
            process.destroy();
            Optional.of(process).ifPresent(pr -> pr.onExit().join());
        }
    }
}
