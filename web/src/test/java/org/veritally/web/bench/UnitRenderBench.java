package org.veritally.web.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.veritally.server.Instance;
import org.veritally.web.Assets;
import org.veritally.web.SiteRenderer;
import org.veritally.web.i18n.Lang;

/**
 * Server-side render time of a unit page with 1,000 children (target: p99 under 20 ms), measured
 * end to end through {@link SiteRenderer} (read the live tabulation, sort, render to HTML). A plain
 * main-method bench because the JMH module does not depend on web. Run:
 *
 * <pre>./mvnw -B -o -pl web test-compile && java -cp "$(cat
 * web/target/cp.txt):web/target/classes:web/target/test-classes" \
 *     org.veritally.web.bench.UnitRenderBench [iterations]</pre>
 *
 * (write the classpath first with {@code ./mvnw -B -o -pl web dependency:build-classpath -Dmdep.includeScope=test
 * -Dmdep.outputFile=target/cp.txt}).
 */
public final class UnitRenderBench {
    /** Percentiles of one measured run, in milliseconds, and the page's size. */
    public record Result(double p50, double p99, double max, int htmlBytes, int gzipBytes) {
        @Override
        public String toString() {
            return String.format(
                    "unit page with 1,000 children: p50 %.2f ms, p99 %.2f ms, max %.2f ms; %,d bytes HTML, %,d gzip",
                    p50, p99, max, htmlBytes, gzipBytes);
        }
    }

    private UnitRenderBench() {}

    public static Result measure(int warmup, int iterations) throws IOException {
        Path dir = Files.createTempDirectory("veritally-bench");
        try (Instance in = WideElection.open(dir, 1000, 42)) {
            SiteRenderer site = new SiteRenderer(in, Assets.load());
            Map<String, String> q = Map.of("contest", "C1", "view", "official", "sort", "-share:K0");
            String html = "";
            for (int i = 0; i < warmup; i++)
                html = site.render(Lang.ES, "unit/N", q).html();
            long[] t = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                html = site.render(Lang.ES, "unit/N", q).html();
                t[i] = System.nanoTime() - t0;
            }
            if (!html.contains("Municipality 999")) throw new IllegalStateException("the page lacks its last child");
            Arrays.sort(t);
            byte[] raw = html.getBytes(StandardCharsets.UTF_8);
            return new Result(
                    ms(t[iterations / 2]),
                    ms(t[(int) Math.ceil(iterations * 0.99) - 1]),
                    ms(t[iterations - 1]),
                    raw.length,
                    gzip(raw));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static int gzip(byte[] b) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.size();
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println(measure(Math.max(200, n / 2), n));
    }
}
