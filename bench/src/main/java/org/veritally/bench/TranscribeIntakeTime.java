package org.veritally.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.model.TallySheet;
import org.veritally.server.Instance;
import org.veritally.server.intake.Outcome;

/**
 * Transcription intake without HTTP, side by side on the same machine at the same time (bench/transcribe-http.sh
 * prints the figure over HTTP): T writer threads record two agreeing transcriptions of each of PHOTOS photos on
 * SQLite, once through group commit ({@code Instance#submitWork}, what the API does) and once one entry per
 * transaction ({@code Instance#submitEntry}, what the API did before). Prints transcriptions/s and the latency
 * of each call (p50/p99) of both, and their ratio. Every transcription must be accepted.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.veritally.bench.TranscribeIntakeTime [PHOTOS]
 * [THREADS] [WARM]} (defaults 2000, 32, 300: both paths first run over WARM photos, not counted).
 */
public final class TranscribeIntakeTime {
    private TranscribeIntakeTime() {}

    @FunctionalInterface
    private interface Write {
        Outcome write(Instance in, TranscriptionEntry e, String account, String where);
    }

    public static void main(String[] args) throws Exception {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        // both paths once, not counted, so that neither measured run pays for the JIT
        run("warm-up: group commit", warm, threads, Instance::submitWork);
        run("warm-up: one entry per transaction", warm, threads, Instance::submitEntry);
        double group = run("group commit", photos, threads, Instance::submitWork);
        double single = run("one entry per transaction", photos, threads, Instance::submitEntry);
        System.out.printf("group commit / one per transaction: %.1f×%n", group / single);
    }

    private static double run(String what, int photos, int threads, Write write) throws Exception {
        Path dir = Files.createTempDirectory("transcribe-intake");
        try (Instance in = Instance.open(dir)) {
            List<TallySheet> truth = TranscribeSetup.file(in, photos);
            long[] latency = new long[2 * truth.size()];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ts.add(new Thread(() -> {
                    try {
                        start.await();
                        for (int k; (k = next.getAndIncrement()) < latency.length; ) {
                            TallySheet s = truth.get(k / 2);
                            String account = "vol-" + (k % 2);
                            long t0 = System.nanoTime();
                            Outcome o = write.write(
                                    in, new TranscriptionEntry(s, account, List.of(), false), account, "t" + k);
                            latency[k] = System.nanoTime() - t0;
                            if (!o.rejected().isEmpty())
                                throw new IllegalStateException(o.rejected().toString());
                            done.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            ts.forEach(Thread::start);
            long t0 = System.nanoTime();
            start.countDown();
            for (Thread t : ts) t.join();
            double secs = (System.nanoTime() - t0) / 1e9;
            if (!failures.isEmpty()) throw new IllegalStateException(failures.get(0));
            long[] sorted = latency.clone();
            Arrays.sort(sorted);
            double rate = done.get() / secs;
            System.out.printf(
                    "%s: %d transcriptions by %d threads in %.1f s, %.0f/s; per call p50 %.1f ms, p99 %.1f ms%n",
                    what,
                    done.get(),
                    threads,
                    secs,
                    rate,
                    sorted[sorted.length / 2] / 1e6,
                    sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
            return rate;
        }
    }
}
