package org.veritally.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop transcription load over HTTP (bench/transcribe-http.sh): V volunteers, each a thread with its
 * own account, each looping {@code POST /api/transcribe/next} then {@code POST /api/transcribe/submit} with the
 * photo's true figures, waiting for each answer before sending the next request. The first WARM seconds are
 * not counted; of the next SECS seconds it prints the transcriptions accepted (201) per second, the latency
 * (send to full answer) of submit and of next at p50/p99/max, and the answers that were neither by status.
 * A run ends early when every volunteer is told there is nothing to do (204).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.veritally.bench.TranscribeLoad URL VOLUNTEERS SECS
 * WARM TOKENS TRUTH} (the files {@link TranscribeSetup} writes). Library code of the project is not involved.
 */
public final class TranscribeLoad {
    private TranscribeLoad() {}

    private static final Pattern RULE = Pattern.compile("\"rule\"\s*:\s*\"([A-Z0-9-]+)\"");
    private static final Pattern PHOTO = Pattern.compile("\"photo\"\\s*:\\s*\"([0-9a-f]{64})\"");

    /** One volunteer's counts and latencies (ns) in the measured window. Used by its thread only until joined. */
    private static final class Tally {
        int accepted;
        final List<Long> submit = new ArrayList<>();
        final List<Long> next = new ArrayList<>();
        final Map<String, Integer> other = new TreeMap<>();
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int volunteers = Integer.parseInt(args[1]);
        long secs = Long.parseLong(args[2]);
        long warm = Long.parseLong(args[3]);
        List<String> tokens = Files.readAllLines(Path.of(args[4]));
        Map<String, String> truth = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[5]))) {
            int tab = line.indexOf('\t');
            truth.put(line.substring(0, tab), line.substring(tab + 1));
        }
        if (tokens.size() < volunteers) throw new IllegalArgumentException("fewer tokens than volunteers");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        long start = System.nanoTime();
        long from = start + warm * 1_000_000_000L;
        long to = from + secs * 1_000_000_000L;
        Tally[] tallies = new Tally[volunteers];
        Thread[] threads = new Thread[volunteers];
        for (int v = 0; v < volunteers; v++) {
            Tally t = tallies[v] = new Tally();
            String token = tokens.get(v);
            threads[v] = new Thread(() -> work(http, base, token, truth, t, from, to), "volunteer-" + v);
            threads[v].start();
        }
        for (Thread th : threads) th.join();
        long end = Math.min(System.nanoTime(), to);
        double window = Math.max(1, end - from) / 1e9;
        int accepted = 0;
        List<Long> submit = new ArrayList<>();
        List<Long> next = new ArrayList<>();
        Map<String, Integer> other = new TreeMap<>();
        for (Tally t : tallies) {
            accepted += t.accepted;
            submit.addAll(t.submit);
            next.addAll(t.next);
            t.other.forEach((k, n) -> other.merge(k, n, Integer::sum));
        }
        System.out.printf(
                "%d volunteers, %.1f s measured after %d s warm-up: %d transcriptions accepted, %.0f/s%n",
                volunteers, window, warm, accepted, accepted / window);
        System.out.println("submit latency: " + percentiles(submit));
        System.out.println("next latency:   " + percentiles(next));
        System.out.println("other answers:  " + (other.isEmpty() ? "none" : other));
    }

    private static void work(
            HttpClient http, URI base, String token, Map<String, String> truth, Tally t, long from, long to) {
        int idle = 0;
        while (System.nanoTime() < to && idle < 3) {
            try {
                long t0 = System.nanoTime();
                var n = http.send(
                        post(base, "/api/transcribe/next", token, "{}"), HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                boolean counted = t0 >= from && t1 <= to;
                if (counted) t.next.add(t1 - t0);
                if (n.statusCode() == 204) {
                    idle++;
                    continue;
                }
                if (n.statusCode() != 200) {
                    if (counted) t.other.merge("next " + n.statusCode(), 1, Integer::sum);
                    continue;
                }
                idle = 0;
                Matcher m = PHOTO.matcher(n.body());
                if (!m.find()) throw new IllegalStateException("no photo in " + n.body());
                String body = truth.get(m.group(1));
                long s0 = System.nanoTime();
                var s = http.send(
                        post(base, "/api/transcribe/submit", token, body), HttpResponse.BodyHandlers.ofString());
                long s1 = System.nanoTime();
                if (s0 < from || s1 > to) continue;
                t.submit.add(s1 - s0);
                if (s.statusCode() == 201) t.accepted++;
                else {
                    Matcher r = RULE.matcher(s.body());
                    t.other.merge("submit " + s.statusCode() + (r.find() ? " " + r.group(1) : ""), 1, Integer::sum);
                }
            } catch (java.io.IOException e) {
                t.other.merge("io " + e.getClass().getSimpleName(), 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpRequest post(URI base, String path, String token, String body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String percentiles(List<Long> ns) {
        if (ns.isEmpty()) return "no samples";
        long[] a = ns.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return String.format(
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)",
                a[a.length / 2] / 1e6,
                a[(int) Math.min(a.length - 1, Math.ceil(a.length * 0.99) - 1)] / 1e6,
                a[a.length - 1] / 1e6,
                a.length);
    }
}
