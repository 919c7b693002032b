package org.veritally.server.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus counter family with a fixed list of label names; one {@link LongAdder} per
 * combination of label values. Callers pass only bounded label values (route templates, status codes,
 * rule IDs), never raw request data, so the number of series stays small. Thread-safe.
 */
final class LabelledCounter {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final ConcurrentHashMap<List<String>, LongAdder> values = new ConcurrentHashMap<>();

    LabelledCounter(String name, String help, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = List.of(labelNames);
    }

    void inc(String... labelValues) {
        if (labelValues.length != labelNames.size())
            throw new IllegalArgumentException(
                    name + " takes " + labelNames + ", got " + labelValues.length + " values");
        values.computeIfAbsent(List.of(labelValues), k -> new LongAdder()).increment();
    }

    void write(Exposition out) {
        out.family(name, "counter", help);
        Map<String, Map.Entry<List<String>, LongAdder>> sorted = new TreeMap<>();
        for (var e : values.entrySet()) sorted.put(String.join("\u0000", e.getKey()), e);
        for (var e : sorted.values())
            out.sample(name, pairs(labelNames, e.getKey()), e.getValue().sum());
    }

    static List<String> pairs(List<String> names, List<String> values) {
        List<String> out = new ArrayList<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            out.add(names.get(i));
            out.add(values.get(i));
        }
        return out;
    }
}
