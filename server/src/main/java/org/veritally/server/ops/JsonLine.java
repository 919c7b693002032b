package org.veritally.server.ops;

import java.util.List;
import java.util.Locale;

/**
 * A one-line JSON object written by hand for the request log: strings are escaped so that no value
 * can break the line or the object (quotes, backslashes, every control character, U+2028 and
 * U+2029). Not thread-safe: one per line.
 */
final class JsonLine {
    private final StringBuilder sb = new StringBuilder(160).append('{');

    JsonLine str(String key, String value) {
        key(key);
        quote(value);
        return this;
    }

    JsonLine num(String key, long value) {
        key(key);
        sb.append(value);
        return this;
    }

    JsonLine millis(String key, double ms) {
        key(key);
        sb.append(String.format(Locale.ROOT, "%.3f", ms));
        return this;
    }

    JsonLine strings(String key, List<String> values) {
        key(key);
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            quote(values.get(i));
        }
        sb.append(']');
        return this;
    }

    String end() {
        return sb.append('}').toString();
    }

    private void key(String k) {
        if (sb.length() > 1) sb.append(',');
        quote(k);
        sb.append(':');
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029')
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
