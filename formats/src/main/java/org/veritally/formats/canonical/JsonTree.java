package org.veritally.formats.canonical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON reader into a plain tree (LinkedHashMap, ArrayList, String, Long, Boolean). Rejects
 * duplicate member names, {@code null}, fractions and exponents, integers beyond ±2^53, and trailing
 * content: the inputs Veritally accepts are the ones RFC 8785 can encode. Thread-safe.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTree() {}

    /** Thrown for malformed or out-of-profile JSON; carries the JSON path and a rule-ready reason. */
    public static final class JsonError extends Exception {
        private final String path;
        private final boolean countError;

        JsonError(String path, String message, boolean countError) {
            super(message);
            this.path = path;
            this.countError = countError;
        }

        public String path() {
            return path;
        }

        /** True when the problem is a number (rule IN-COUNT) rather than syntax (IN-SYNTAX). */
        public boolean countError() {
            return countError;
        }
    }

    public static Object parse(byte[] json) throws JsonError {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new JsonError("$", "empty input", false);
            Object v = value(p, t, "$");
            if (p.nextToken() != null) throw new JsonError("$", "trailing content after the JSON value", false);
            return v;
        } catch (JsonParseException e) {
            throw new JsonError(pathOf(e), reason(e.getOriginalMessage()), false);
        } catch (IOException e) {
            throw new JsonError("$", "the JSON could not be read", false);
        }
    }

    /**
     * Our own words for the parser's complaint: its messages name its classes, its source and its
     * internal token names, none of which help the sender and all of which describe our internals.
     */
    public static String reason(String parser) {
        String m = parser == null ? "" : parser;
        if (m.startsWith("Duplicate field")) {
            int a = m.indexOf('\'');
            int b = m.indexOf('\'', a + 1);
            return a >= 0 && b > a
                    ? "member " + m.substring(a, b + 1) + " appears twice"
                    : "a member name appears twice";
        }
        if (m.contains("end-of-input")) return "the JSON ends before its value is complete";
        if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF")) return "the input is not valid UTF-8";
        if (m.contains("control character") || m.contains("CTRL-CHAR"))
            return "a control character must be escaped inside a string";
        if (m.contains("escape")) return "an invalid escape sequence in a string";
        if (m.contains("surrogate")) return "an invalid surrogate pair in a string";
        if (m.contains("Numeric value") || m.contains("number")) return "a malformed number";
        if (m.contains("Unexpected close marker")) return "a closing bracket or brace does not match";
        if (m.contains("was expecting")) return "unexpected character";
        if (m.startsWith("Unrecognized token")) return "an unknown word (a string must be in double quotes)";
        if (m.startsWith("Unexpected character")) return "unexpected character";
        return "malformed JSON";
    }

    private static String pathOf(JsonParseException e) {
        var loc = e.getLocation();
        return loc == null ? "$" : "$ (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private static Object value(JsonParser p, JsonToken t, String path) throws IOException, JsonError {
        switch (t) {
            case START_OBJECT -> {
                var m = new LinkedHashMap<String, Object>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken(), path + "." + name));
                }
                return m;
            }
            case START_ARRAY -> {
                var l = new ArrayList<>();
                int i = 0;
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    l.add(value(p, k, path + "[" + i++ + "]"));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) return new BadNumber(p.getText());
                long v = p.getLongValue();
                if (Math.abs(v) > CanonicalJson.MAX_SAFE) return new BadNumber(p.getText());
                return v;
            }
            case VALUE_NUMBER_FLOAT -> {
                return new BadNumber(p.getText());
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> throw new JsonError(path, "null is not allowed", false);
            default -> throw new JsonError(path, "unexpected token " + t, false);
        }
    }

    /**
     * A number outside the profile (a fraction, an exponent, or an integer beyond ±2^53), kept in the
     * tree so the reader can report it at its path (IN-COUNT) together with every other problem. It
     * is never encodable: {@link CanonicalJson} refuses it.
     */
    public record BadNumber(String text) {}

    /** Casts a parsed value to an object, for callers that check shapes. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object o) {
        return (List<Object>) o;
    }
}
