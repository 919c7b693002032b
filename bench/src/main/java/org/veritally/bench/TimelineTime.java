package org.veritally.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.veritally.server.Instance;

/**
 * The reporting timeline (docs/timeline.md) of a data directory, in process, timed by wall clock and by
 * the process's CPU time (on a shared machine the CPU time is what this code costs): the first timeline
 * (the whole log read from the store through the rulebook), then UNITS random units not asked before,
 * then the same again (kept). Usage: {@code TimelineTime DIR [UNITS]} (default 200).
 */
public final class TimelineTime {
    private TimelineTime() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Instance in = Instance.open(dir)) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            var t = in.timeline().timeline(Optional.empty(), Optional.empty(), "official");
            System.out.printf(
                    Locale.ROOT,
                    "first timeline (log of %,d entries read and replayed): wall %.2f s, CPU %.2f s, load %.1f,"
                            + " %d points%n",
                    t.logSize(),
                    (System.nanoTime() - t0) / 1e9,
                    (os.getProcessCpuTime() - cpu0) / 1e9,
                    os.getSystemLoadAverage(),
                    t.points().size());
            var cat = in.state().catalogue();
            SplittableRandom r = new SplittableRandom(18);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < units; i++)
                ids.add(cat.unit(r.nextInt(cat.unitCount())).id());
            for (String label : List.of("units not asked before", "the same units again (kept)")) {
                double[] ms = new double[ids.size()];
                long c0 = os.getProcessCpuTime();
                for (int i = 0; i < ids.size(); i++) {
                    long s = System.nanoTime();
                    in.timeline().timeline(Optional.of(ids.get(i)), Optional.empty(), "official");
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                double cpu = (os.getProcessCpuTime() - c0) / 1e6 / ids.size();
                Arrays.sort(ms);
                System.out.printf(
                        Locale.ROOT,
                        "%s: n=%d, wall p50 %.2f ms, p99 %.2f ms, max %.2f ms; CPU %.2f ms a request; load %.1f%n",
                        label,
                        ms.length,
                        ms[ms.length / 2],
                        ms[Math.min(ms.length - 1, (int) (ms.length * 0.99))],
                        ms[ms.length - 1],
                        cpu,
                        os.getSystemLoadAverage());
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf(Locale.ROOT, "heap used after GC: %.0f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
        }
    }
}
