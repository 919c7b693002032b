import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.veritally.server.Instance;

/**
 * The CPU seconds of opening a data directory once, in a fresh JVM (issue 15, what `serve` pays before it
 * listens): the opening thread's own CPU (ThreadMXBean) and the whole process's over the same span (the JIT
 * compiler's threads and the collector included), then the same for reading results once, as the first
 * /api/results does. CPU rather than wall time, so that a loaded machine still gives comparable figures.
 *
 *   java -Xmx1g -cp JAR bench/StartPhases.java DATA
 *
 * Prints one line: `open main=S process=S wall=S; results main=S process=S; how=...`. bench/start-phases.sh runs
 * it for several jars interleaved and prints the medians and ratios. DATA should be a copy (opening may write
 * the log keys or migrate the database).
 */
public class StartPhases {
    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        long p0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        try (Instance in = Instance.open(Path.of(args[0]))) {
            long t1 = mx.getCurrentThreadCpuTime();
            long p1 = os.getProcessCpuTime();
            long w1 = System.nanoTime();
            var r = in.results().result(java.util.Optional.empty(), java.util.Optional.empty(), "official");
            long t2 = mx.getCurrentThreadCpuTime();
            long p2 = os.getProcessCpuTime();
            System.out.printf(
                    "open main=%.2f process=%.2f wall=%.2f; results main=%.2f process=%.2f; log size %d; %s%n",
                    (t1 - t0) / 1e9,
                    (p1 - p0) / 1e9,
                    (w1 - w0) / 1e9,
                    (t2 - t1) / 1e9,
                    (p2 - p1) / 1e9,
                    in.state().logSize(),
                    in.startUp().note() + (r == null ? "" : ""));
        }
    }
}
