package org.veritally.server.ops;

import java.util.List;
import java.util.Locale;

/**
 * Writer of the Prometheus text exposition format, version 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): {@code # HELP} and {@code # TYPE}
 * comment lines, then one {@code name{label="value",…} number} line per sample. Label values are
 * escaped (backslash, double quote, newline); HELP text too (backslash, newline). Not thread-safe:
 * one per scrape.
 */
final class Exposition {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final StringBuilder sb = new StringBuilder(4096);

    /** Starts a metric family. */
    Exposition family(String name, String type, String help) {
        sb.append("# HELP ").append(name).append(' ');
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            if (c == '\\') sb.append("\\\\");
            else if (c == '\n') sb.append("\\n");
            else sb.append(c);
        }
        sb.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample; {@code labels} alternates names and values. */
    Exposition sample(String name, List<String> labels, double value) {
        sb.append(name);
        if (!labels.isEmpty()) {
            sb.append('{');
            for (int i = 0; i < labels.size(); i += 2) {
                if (i > 0) sb.append(',');
                sb.append(labels.get(i)).append("=\"");
                escape(labels.get(i + 1));
                sb.append('"');
            }
            sb.append('}');
        }
        sb.append(' ').append(number(value)).append('\n');
        return this;
    }

    private void escape(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') sb.append("\\\\");
            else if (c == '"') sb.append("\\\"");
            else if (c == '\n') sb.append("\\n");
            else sb.append(c);
        }
    }

    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%s", v);
    }

    String text() {
        return sb.toString();
    }
}
