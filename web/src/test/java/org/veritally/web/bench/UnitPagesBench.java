package org.veritally.web.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.veritally.core.model.Catalogue;
import org.veritally.server.Instance;
import org.veritally.web.Assets;
import org.veritally.web.SiteRenderer;
import org.veritally.web.i18n.Lang;

/**
 * Server-side render time of the widest unit page of each level of an existing data directory (issue 15: a village
 * page with its TPS and a province page with its regencies, p99 under 20 ms), in every language, through {@link
 * SiteRenderer} as the live site renders it (the first contest, the default view and order). "Widest" is by the rows
 * the page lists: child units, or the unit's own stations where it has no child units. A plain main, like {@link
 * UnitRenderBench}; it opens the directory as {@code serve} does, so give it a copy, never the lead's prepared data:
 *
 * <pre>./mvnw -B -o -q -Djacoco.skip=true -pl web -am test-compile
 * ./mvnw -B -o -q -Dmaven.test.skip=true -Djacoco.skip=true package -pl app -am
 * java -Xmx4g -cp app/target/veritally.jar:web/target/test-classes \
 *     org.veritally.web.bench.UnitPagesBench DIR [renders a page, default 400] [level, default all]</pre>
 *
 * Every page is first rendered {@code n} times in every language (the JIT's warm-up), then each is timed. Prints, per
 * level and language: the unit, its rows, p50, p90, p99 and the maximum of the render times, p50 and p99 of the
 * rendering thread's CPU time, the page's weight in bytes, raw and gzipped, and the start of its SHA-256 (so two
 * builds can be shown to render the same page).
 */
public final class UnitPagesBench {
    /**
     * One page's measurement: wall times in milliseconds, and the rendering thread's CPU time (p50 and p99), which a
     * loaded machine inflates less than the wall time (a render preempted for 20 ms keeps its CPU time).
     */
    public record Result(
            int level,
            String unit,
            String name,
            int rows,
            Lang lang,
            double p50,
            double p90,
            double p99,
            double max,
            double cpuP50,
            double cpuP99,
            int htmlBytes,
            int gzipBytes,
            String sha256) {
        @Override
        public String toString() {
            return String.format(
                    "level %d %-11s %-18.18s %4d rows %s: p50 %6.2f ms, p90 %6.2f, p99 %6.2f, max %6.2f;"
                            + " CPU p50 %5.2f, p99 %5.2f; %,7d B HTML, %,6d gzip, sha256 %s",
                    level,
                    unit,
                    name,
                    rows,
                    lang.code(),
                    p50,
                    p90,
                    p99,
                    max,
                    cpuP50,
                    cpuP99,
                    htmlBytes,
                    gzipBytes,
                    sha256.substring(0, 12));
        }
    }

    private UnitPagesBench() {}

    /** The widest unit of each level: by child units, or by own stations where a unit has no child units. */
    public static List<Integer> widestOfEachLevel(Catalogue cat) {
        List<Integer> best = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int u = 0; u < cat.unitCount(); u++) {
            int level = cat.unit(u).level();
            while (best.size() <= level) {
                best.add(-1);
                rows.add(-1);
            }
            int r = rows(cat, u);
            if (r > rows.get(level)) {
                best.set(level, u);
                rows.set(level, r);
            }
        }
        return best.stream().filter(u -> u >= 0).toList();
    }

    static int rows(Catalogue cat, int unit) {
        int kids = cat.childUnits(unit).size();
        return kids > 0 ? kids : cat.stationsOf(unit).size();
    }

    /** Renders the page of {@code unit} {@code warmup + n} times in {@code lang}; times the last {@code n}. */
    public static Result measure(SiteRenderer site, Catalogue cat, int unit, Lang lang, int warmup, int n)
            throws IOException {
        var u = cat.unit(unit);
        String path = "unit/" + u.id();
        String html = "";
        for (int i = 0; i < warmup; i++) html = render(site, lang, path);
        var threads = ManagementFactory.getThreadMXBean();
        long[] t = new long[n];
        long[] cpu = new long[n];
        for (int i = 0; i < n; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            html = render(site, lang, path);
            t[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        byte[] raw = html.getBytes(StandardCharsets.UTF_8);
        return new Result(
                u.level(),
                u.id(),
                u.name(),
                rows(cat, unit),
                lang,
                ms(t[n / 2]),
                ms(t[(int) Math.ceil(n * 0.9) - 1]),
                ms(t[(int) Math.ceil(n * 0.99) - 1]),
                ms(t[n - 1]),
                ms(cpu[n / 2]),
                ms(cpu[(int) Math.ceil(n * 0.99) - 1]),
                raw.length,
                gzip(raw),
                java.util.HexFormat.of().formatHex(sha256(raw)));
    }

    private static String render(SiteRenderer site, Lang lang, String path) {
        var page = site.render(lang, path, Map.of());
        if (page.status() != 200) throw new IllegalStateException(path + " answered " + page.status());
        return page.html();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int gzip(byte[] b) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.size();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: UnitPagesBench DATA_DIR [renders a page] [level]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        String only = args.length > 2 ? args[2] : "all";
        long t0 = System.nanoTime();
        try (Instance in = Instance.open(Path.of(args[0]))) {
            System.out.printf("opened in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            SiteRenderer site = new SiteRenderer(in, Assets.load());
            Catalogue cat = in.state().catalogue();
            List<Integer> units = widestOfEachLevel(cat).stream()
                    .filter(u -> only.equals("all")
                            || only.equals(Integer.toString(cat.unit(u).level())))
                    .toList();
            // every page in every language first, so the JIT has compiled the common code before any is timed
            for (int unit : units) for (Lang lang : Lang.values()) measure(site, cat, unit, lang, 0, n);
            for (int unit : units)
                for (Lang lang : Lang.values()) System.out.println(measure(site, cat, unit, lang, n / 4, n));
        }
    }
}
