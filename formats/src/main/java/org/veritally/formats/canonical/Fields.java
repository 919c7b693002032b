package org.veritally.formats.canonical;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;

/**
 * Strict reader of one JSON object from a {@link JsonTree}: every missing, mistyped, negative or
 * unknown member becomes a {@link Problem} with its JSON path (rules IN-FIELD, IN-COUNT), so a
 * decoder reports every problem at once. Placeholder values are returned after a problem; callers
 * check the problem list before using them. Not thread-safe.
 */
public final class Fields {
    private final Map<String, Object> map;
    private final String path;
    private final List<Problem> problems;
    private final Set<String> seen = new HashSet<>();

    public Fields(Object value, String path, List<Problem> problems) {
        this.path = path;
        this.problems = problems;
        if (value instanceof Map<?, ?>) {
            this.map = JsonTree.asObject(value);
        } else {
            this.map = Map.of();
            problems.add(new Problem(Rule.IN_FIELD, path, "expected a JSON object"));
        }
    }

    public String path() {
        return path;
    }

    public boolean has(String k) {
        return map.containsKey(k);
    }

    private Object get(String k) {
        seen.add(k);
        return map.get(k);
    }

    public String str(String k) {
        Object v = get(k);
        if (v instanceof String s) return s;
        problems.add(new Problem(
                Rule.IN_FIELD,
                path + "." + k,
                v == null ? "missing string '" + k + "'" : "'" + k + "' must be a string"));
        return "";
    }

    /** A required count: an integer ≥ 0. */
    public long count(String k) {
        Object v = get(k);
        if (v instanceof Long n) {
            if (n >= 0) return n;
            problems.add(new Problem(Rule.IN_COUNT, path + "." + k, "count is negative: " + n));
            return 0;
        }
        problems.add(new Problem(
                v == null ? Rule.IN_FIELD : Rule.IN_COUNT,
                path + "." + k,
                v == null
                        ? "missing count '" + k + "'"
                        : v instanceof JsonTree.BadNumber b
                                ? "not an integer in range: " + b.text()
                                : "'" + k + "' must be a non-negative integer"));
        return 0;
    }

    /** An optional count, or {@code absent} where missing. */
    public long optCount(String k, long absent) {
        return map.containsKey(k) ? count(k) : absent;
    }

    public List<Object> list(String k) {
        Object v = get(k);
        if (v instanceof List<?>) return JsonTree.asList(v);
        problems.add(new Problem(
                Rule.IN_FIELD,
                path + "." + k,
                v == null ? "missing array '" + k + "'" : "'" + k + "' must be an array"));
        return List.of();
    }

    public Fields obj(String k) {
        Object v = get(k);
        if (v == null) {
            problems.add(new Problem(Rule.IN_FIELD, path + "." + k, "missing object '" + k + "'"));
            return new Fields(Map.of(), path + "." + k, problems);
        }
        return new Fields(v, path + "." + k, problems);
    }

    /** The raw map, for objects with free keys (votes by choice id). Marks every key as seen. */
    public Map<String, Object> raw() {
        seen.addAll(map.keySet());
        return map;
    }

    /** Reports every member that was never read (IN-FIELD). */
    public void end() {
        for (String k : map.keySet()) {
            if (!seen.contains(k))
                problems.add(new Problem(Rule.IN_FIELD, path + "." + k, "unknown field '" + k + "'"));
        }
    }
}
