package org.veritally.formats.canonical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme, restricted to the values Veritally writes: objects, arrays,
 * strings, booleans and integers (no floats, no null). Object members are sorted by their UTF-16
 * code units (RFC 8785 §3.2.3), which is {@link String#compareTo}; strings are escaped as in
 * ECMAScript's JSON.stringify (§3.2.2.2); integers are written in plain decimal (§3.2.2.3, exact for
 * |n| ≤ 2^53). Stateless and thread-safe.
 */
public final class CanonicalJson {
    /** The largest integer an IEEE-754 double holds exactly; RFC 8785 numbers must stay within it. */
    public static final long MAX_SAFE = (1L << 53) - 1;

    private CanonicalJson() {}

    /** Encodes a tree of Map&lt;String,?&gt;, List, String, Boolean, Long/Integer as canonical UTF-8. */
    public static byte[] encode(Object value) {
        var sb = new StringBuilder(256);
        write(sb, value);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void write(StringBuilder sb, Object v) {
        if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Long || v instanceof Integer) {
            integer(sb, ((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Map<?, ?> m) {
            List<String> keys = new ArrayList<>(m.size());
            for (Object k : m.keySet()) keys.add((String) k);
            keys.sort(null);
            sb.append('{');
            boolean first = true;
            for (String k : keys) {
                if (!first) sb.append(',');
                first = false;
                string(sb, k);
                sb.append(':');
                write(sb, m.get(k));
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(',');
                write(sb, l.get(i));
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not a canonical JSON value: "
                    + (v == null ? "null" : v.getClass().getName()));
        }
    }

    /** Writes an integer in plain decimal (§3.2.2.3); one beyond ±(2^53 − 1) has no exact JSON number. */
    public static void integer(StringBuilder sb, long n) {
        if (Math.abs(n) > MAX_SAFE) throw new IllegalArgumentException("integer outside ±2^53: " + n);
        sb.append(n);
    }

    /** Writes a JSON string literal with RFC 8785 / ECMAScript escaping. */
    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 15, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
