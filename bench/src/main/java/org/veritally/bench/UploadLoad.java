package org.veritally.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A closed-loop upload generator: C workers, each POSTing the next photo of a directory as the raw body
 * to {@code URL?station=S} with a bearer token and waiting for the answer before sending the next, each
 * photo once. The first W photos warm the server up and are not counted; of the rest it prints photos/s,
 * latency p50/p95/p99 (send to full answer) and the errors by status. A 200 or 201 is a success.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.veritally.bench.UploadLoad URL PHOTOS WORKERS
 * WARM TOKENS STATIONS}: TOKENS and STATIONS are files of one token (worker k uses line k mod lines) and
 * one station id (photo i goes to line i mod lines) a line; "-" for none (no header, no query).
 * Not thread-safe state beyond its own counters; library code of the project is not involved.
 */
public final class UploadLoad {
    private UploadLoad() {}

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        List<Path> photos;
        try (Stream<Path> s = Files.list(Path.of(args[1]))) {
            photos = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        int workers = Integer.parseInt(args[2]);
        int warm = Integer.parseInt(args[3]);
        List<String> tokens = lines(args[4]);
        List<String> stations = lines(args[5]);
        if (warm >= photos.size()) throw new IllegalArgumentException("WARM must leave photos to measure");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        Run warmRun = run(http, url, photos.subList(0, warm), 0, workers, tokens, stations);
        if (warm > 0) System.out.println("warm-up: " + warmRun.summary());
        long cpu0 = cpuNanos();
        Run run = run(http, url, photos.subList(warm, photos.size()), warm, workers, tokens, stations);
        System.out.printf("client CPU %.2f s; ", (cpuNanos() - cpu0) / 1e9);
        System.out.println(run.summary());
    }

    private static List<String> lines(String file) throws IOException {
        if (file.equals("-")) return List.of();
        return Files.readAllLines(Path.of(file)).stream()
                .filter(l -> !l.isBlank())
                .toList();
    }

    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean o ? o.getProcessCpuTime() : 0;
    }

    /** One measured pass: latencies of the successes, errors by status (0: no answer), wall time, bytes sent. */
    record Run(long[] latenciesNanos, Map<Integer, Integer> errors, double seconds, long bytes) {
        String summary() {
            long[] l = latenciesNanos.clone();
            Arrays.sort(l);
            int ok = l.length;
            int failed = errors.values().stream().mapToInt(Integer::intValue).sum();
            return String.format(
                    "%d photos (%.2f MB each) in %.2f s: %.1f photos/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms,"
                            + " max %.0f ms, errors %d %s",
                    ok + failed,
                    bytes / 1e6 / Math.max(1, ok + failed),
                    seconds,
                    ok / seconds,
                    pct(l, 0.50),
                    pct(l, 0.95),
                    pct(l, 0.99),
                    ok == 0 ? 0.0 : l[ok - 1] / 1e6,
                    failed,
                    errors);
        }

        /** The nearest-rank percentile in milliseconds. */
        private static double pct(long[] sorted, double q) {
            if (sorted.length == 0) return 0;
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    private static Run run(
            HttpClient http, URI url, List<Path> photos, int first, int workers, List<String> tokens, List<String> st)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long[] lat = new long[photos.size()];
        boolean[] ok = new boolean[photos.size()];
        Map<Integer, Integer> errors = new TreeMap<>();
        long[] bytes = new long[1];
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            String token = tokens.isEmpty() ? "" : tokens.get(w % tokens.size());
            Thread t = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < photos.size(); ) {
                    int status = 0;
                    long sent = System.nanoTime();
                    try {
                        int number = first + i;
                        String q = st.isEmpty()
                                ? ""
                                : "?station=" + URLEncoder.encode(st.get(number % st.size()), StandardCharsets.UTF_8);
                        var b = HttpRequest.newBuilder(URI.create(url + q))
                                .header("Content-Type", "image/jpeg")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofFile(photos.get(i)));
                        if (!token.isEmpty()) b.header("Authorization", "Bearer " + token);
                        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        status = r.statusCode();
                        if (status != 200 && status != 201 && errors.isEmpty())
                            System.err.println("HTTP " + status + ": " + new String(r.body(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        System.err.println("no answer: " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    lat[i] = System.nanoTime() - sent;
                    ok[i] = status == 200 || status == 201;
                    synchronized (errors) {
                        if (!ok[i]) errors.merge(status, 1, Integer::sum);
                        try {
                            bytes[0] += Files.size(photos.get(i));
                        } catch (IOException e) {
                            // the size is for the report only
                        }
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] okLat = java.util.stream.IntStream.range(0, lat.length)
                .filter(i -> ok[i])
                .mapToLong(i -> lat[i])
                .toArray();
        return new Run(okLat, errors, seconds, bytes[0]);
    }
}
