package org.veritally.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop HTTP load generator for the whole-run benchmarks under {@code bench/}: sends requests
 * at a fixed rate (so slow answers do not slow the offered load, avoiding coordinated omission),
 * for a fixed time, to loopback only, and prints the achieved rate, the status counts and latency
 * percentiles measured from each request's scheduled start.
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.veritally.bench.HttpLoad get  URL-FILE RATE SECONDS
 *   java -cp bench/target/benchmarks.jar org.veritally.bench.HttpLoad post URL[,URL...] BODIES-FILE RATE SECONDS TOKEN
 * </pre>
 *
 * {@code URL-FILE}: one URL per line, used round-robin. {@code BODIES-FILE}: one JSON body per line,
 * used in turn (wrapping around; give at least RATE × SECONDS for new sheets only). Several POST URLs (comma-separated) are
 * used round-robin, e.g. one per instance.
 */
public final class HttpLoad {
  private HttpLoad() {}

  public static void main(String[] args) throws Exception {
    boolean post = args[0].equals("post");
    List<String> urls = post ? List.of(args[1].split(",")) : Files.readAllLines(Path.of(args[1]));
    List<String> bodies = post ? Files.readAllLines(Path.of(args[2])) : List.of();
    int a = post ? 3 : 2;
    int rate = Integer.parseInt(args[a]);
    int seconds = Integer.parseInt(args[a + 1]);
    String token = post ? args[a + 2] : "";
    for (String u : urls) {
      String host = URI.create(u).getHost();
      if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) throw new IllegalArgumentException("loopback only: " + u);
    }
    HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    var latencies = new ConcurrentLinkedQueue<Long>();
    var ok = new AtomicLong();
    var errors = new ConcurrentLinkedQueue<String>();
    var sched = Executors.newSingleThreadScheduledExecutor();
    long total = (long) rate * seconds;
    long periodNanos = 1_000_000_000L / rate;
    long t0 = System.nanoTime();
    var sent = new AtomicLong();
    var done = new java.util.concurrent.CountDownLatch((int) total);
    sched.scheduleAtFixedRate(() -> {
      long i = sent.getAndIncrement();
      if (i >= total) return;
      long scheduled = t0 + i * periodNanos;
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(urls.get((int) (i % urls.size())))).timeout(Duration.ofSeconds(30));
      if (post) {
        b.POST(HttpRequest.BodyPublishers.ofString(bodies.get((int) (i % bodies.size())))).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
      }
      client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, ex) -> {
        latencies.add(System.nanoTime() - scheduled);
        if (ex != null) errors.add(ex.toString());
        else if (r.statusCode() < 300) ok.incrementAndGet();
        else errors.add("HTTP " + r.statusCode());
        done.countDown();
      });
    }, 0, periodNanos, TimeUnit.NANOSECONDS);
    boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
    sched.shutdownNow();
    double wall = (System.nanoTime() - t0) / 1e9;
    long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("requests %d in %.1f s (offered %d/s, completed %.0f/s), ok %d, errors %d%s%n", l.length, wall, rate, l.length / wall, ok.get(),
        errors.size(), finished ? "" : " (timed out waiting)");
    if (!errors.isEmpty()) System.out.println("first errors: " + new ArrayList<>(errors).subList(0, Math.min(5, errors.size())));
    System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", pct(l, 50), pct(l, 90), pct(l, 99), pct(l, 99.9), pct(l, 100));
    System.exit(0);
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}
