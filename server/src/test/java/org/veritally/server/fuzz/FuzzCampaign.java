package org.veritally.server.fuzz;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.veritally.testkit.Seeds;

/**
 * Runs one parser against seeded mutations of its valid samples. Each input runs on a worker thread
 * under a time bound (a hang fails the campaign and the stuck thread is abandoned); the target
 * checks its own outcome (a documented result or problem type) and any other exception or error
 * fails. Settings, as system properties: {@code veritally.fuzz.iterations} (inputs per parser; CI uses
 * each test's small default), {@code veritally.seed} ({@link Seeds}; else a fixed seed per parser, so CI is
 * reproducible; {@code bench/fuzz.sh} passes a fresh one), {@code veritally.fuzz.timeoutMs} (per input,
 * default 5000 on shared CI cores). Input {@code i} is generated from {@code seed + i}, so the printed
 * seed and index reproduce it. Prints one summary line per parser.
 */
final class FuzzCampaign {
    /** The code under test, given one input; throws AssertionError when an outcome breaks its contract. */
    interface Target {
        void accept(byte[] input, Outcomes seen) throws Exception;
    }

    /** Tally of outcomes (a status, a rule ID, {@code ok}), printed with the summary to show how deep inputs got. */
    static final class Outcomes {
        private final java.util.concurrent.ConcurrentSkipListMap<String, java.util.concurrent.atomic.LongAdder> counts =
                new java.util.concurrent.ConcurrentSkipListMap<>();

        void add(String outcome) {
            counts.computeIfAbsent(outcome, k -> new java.util.concurrent.atomic.LongAdder())
                    .increment();
        }

        @Override
        public String toString() {
            var sb = new StringBuilder();
            counts.forEach((k, v) ->
                    sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v.sum()));
            return sb.toString();
        }
    }

    /** What a campaign tried. */
    record Summary(String parser, long seed, int inputs, int failures) {}

    private FuzzCampaign() {}

    static int iterations(int ciDefault) {
        return Integer.getInteger("veritally.fuzz.iterations", ciDefault);
    }

    static long seed(String parser) {
        return Seeds.seed("FUZZ " + parser, parser.hashCode() * 0x9E3779B97F4A7C15L);
    }

    static Summary run(String parser, int ciDefault, List<byte[]> seeds, Mutator mutator, Target target) {
        Outcomes seen = new Outcomes();
        int n = iterations(ciDefault);
        long seed = seed(parser);
        long timeoutMs = Long.getLong("veritally.fuzz.timeoutMs", 5000);
        List<String> failures = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon(parser));
        long t0 = System.nanoTime();
        int tried = 0;
        try {
            for (byte[] s : seeds) {
                tried++;
                check(worker, target, seen, s, timeoutMs, "sample", failures);
            }
            for (int i = 0; i < n && failures.size() < 5; i++) {
                byte[] input = mutator.mutate(seeds, new SplittableRandom(seed + i));
                tried++;
                if (!check(worker, target, seen, input, timeoutMs, "seed " + seed + " input " + i, failures)) {
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(daemon(parser));
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf(
                "FUZZ %-26s seed=%d inputs=%d failures=%d in %.1f s%n",
                parser, seed, tried, failures.size(), (System.nanoTime() - t0) / 1e9);
        System.out.printf("FUZZ %-26s outcomes: %s%n", parser, seen);
        if (!failures.isEmpty())
            fail(parser + ": " + failures.size() + " input(s) broke the contract (seed " + seed + "):\n"
                    + String.join("\n", failures));
        return new Summary(parser, seed, tried, 0);
    }

    /** False when the input hung (the worker must be replaced). */
    private static boolean check(
            ExecutorService worker,
            Target target,
            Outcomes seen,
            byte[] input,
            long timeoutMs,
            String which,
            List<String> failures) {
        Future<?> f = worker.submit(() -> {
            target.accept(input, seen);
            return null;
        });
        try {
            f.get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            f.cancel(true);
            failures.add(which + ": no answer within " + timeoutMs + " ms for " + show(input));
            return false;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            var trace = new StringBuilder();
            for (StackTraceElement el : c.getStackTrace()) {
                if (trace.length() > 600) break;
                trace.append("\n      at ").append(el);
            }
            var causes = new StringBuilder();
            for (Throwable x = c.getCause(); x != null; x = x.getCause())
                causes.append(" caused by ").append(x);
            failures.add(which + ": " + c + causes + " for " + show(input) + trace);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The input as escaped text, shortened: enough to read the failure and rebuild a regression test. */
    static String show(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        var sb = new StringBuilder("(").append(input.length).append(" bytes) \"");
        for (int i = 0; i < s.length() && sb.length() < 400; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append(s.length() > 380 ? "…\"" : "\"").toString();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true);
            return t;
        };
    }
}
