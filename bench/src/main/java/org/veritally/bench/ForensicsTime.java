package org.veritally.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.veritally.stats.report.ForensicsOptions;

/**
 * Every forensic check on {@link ForensicsBench}'s 1,000,000 synthetic stations, including the
 * integer-percentage Monte Carlo at 100 replicates, timed by wall clock and by the process's CPU time
 * ({@code bench/forensics-1m.sh}). On a shared machine the wall clock measures the other builds as much as
 * this code; the CPU time does not, and over 2 cores the wall clock of a quiet machine is at least half of it.
 * Usage: {@code ForensicsTime [RUNS]} (default 5, after one warm-up run).
 */
public final class ForensicsTime {
    private ForensicsTime() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ForensicsBench data = new ForensicsBench();
        data.setUp();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<double[]> times = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            data.allForensicsOnMillionStations();
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%s %d: wall %.2f s, CPU %.2f s, load %.1f%n",
                    i == 0 ? "warm-up" : "run",
                    i,
                    wall,
                    cpu,
                    os.getSystemLoadAverage());
            if (i > 0) times.add(new double[] {wall, cpu});
        }
        double[] wall = times.stream().mapToDouble(t -> t[0]).sorted().toArray();
        double[] cpu = times.stream().mapToDouble(t -> t[1]).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "median of %d: wall %.2f s, CPU %.2f s (%d processors; options %s)%n",
                runs,
                median(wall),
                median(cpu),
                Runtime.getRuntime().availableProcessors(),
                ForensicsOptions.defaults(1).integerPeaks());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
