package org.veritally.server.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram family with fixed buckets and label names: per combination of label values,
 * a count per bucket (written cumulatively, ending with {@code le="+Inf"}), the {@code _sum} and the
 * {@code _count}. Thread-safe.
 */
final class Histogram {
    private final String name;
    private final String help;
    private final double[] bounds;
    private final List<String> labelNames;
    private final ConcurrentHashMap<List<String>, Series> series = new ConcurrentHashMap<>();

    private static final class Series {
        final LongAdder[] buckets;
        final DoubleAdder sum = new DoubleAdder();
        final LongAdder count = new LongAdder();

        Series(int n) {
            buckets = new LongAdder[n];
            for (int i = 0; i < n; i++) buckets[i] = new LongAdder();
        }
    }

    Histogram(String name, String help, double[] bounds, String... labelNames) {
        for (int i = 1; i < bounds.length; i++)
            if (bounds[i] <= bounds[i - 1]) throw new IllegalArgumentException("bucket bounds must increase");
        this.name = name;
        this.help = help;
        this.bounds = bounds.clone();
        this.labelNames = List.of(labelNames);
    }

    void observe(double value, String... labelValues) {
        Series s = series.computeIfAbsent(List.of(labelValues), k -> new Series(bounds.length));
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                s.buckets[i].increment();
                break;
            }
        }
        s.sum.add(value);
        s.count.increment();
    }

    void write(Exposition out) {
        out.family(name, "histogram", help);
        Map<String, Map.Entry<List<String>, Series>> sorted = new TreeMap<>();
        for (var e : series.entrySet()) sorted.put(String.join("\u0000", e.getKey()), e);
        for (var e : sorted.values()) {
            List<String> labels = LabelledCounter.pairs(labelNames, e.getKey());
            Series s = e.getValue();
            long cumulative = 0;
            long count = s.count.sum();
            for (int i = 0; i < bounds.length; i++) {
                cumulative += s.buckets[i].sum();
                out.sample(name + "_bucket", with(labels, Exposition.number(bounds[i])), Math.min(cumulative, count));
            }
            out.sample(name + "_bucket", with(labels, "+Inf"), count);
            out.sample(name + "_sum", labels, s.sum.sum());
            out.sample(name + "_count", labels, count);
        }
    }

    private static List<String> with(List<String> labels, String le) {
        List<String> l = new ArrayList<>(labels);
        l.add("le");
        l.add(le);
        return l;
    }
}
