package org.veritally.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.veritally.core.model.Contest;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;

/**
 * Where a published results file differs from the one recomputed from the log: which unit, which
 * field (a vote count is named by its ballot line), and both values. Files follow {@code
 * ResultsJson}: {@code {contest, view, logSize, units: {<unit>: {stations, stationsTotal,
 * registered, registeredVotersTotal, ballots, valid, null, blank, votes: [...]}}}}. Stateless and thread-safe.
 */
final class ResultsDiff {

    private ResultsDiff() {}

    /**
     * One differing value.
     *
     * @param unit the unit id, or empty for a top-level member
     * @param field the member, for example {@code valid} or {@code votes[2] (choice C1-L3)}
     * @param published the value in the published file
     * @param recomputed the value recomputed from the log
     */
    record Difference(String unit, String field, String published, String recomputed) {}

    /** Every differing value, top-level members first, then units in id order; empty if equal. */
    static List<Difference> of(byte[] published, byte[] recomputed, Contest contest) {
        Map<String, Object> mine = JsonTree.asObject(parse(recomputed).orElseThrow());
        Object theirs = parse(published).orElse(null);
        List<Difference> out = new ArrayList<>();
        if (!(theirs instanceof Map<?, ?>)) {
            out.add(new Difference("", "$", "not a JSON object of the published-results profile", "canonical JSON"));
            return out;
        }
        Map<String, Object> pub = JsonTree.asObject(theirs);
        for (String k : union(pub, mine)) {
            if (!k.equals("units")) {
                compare(out, "", k, pub.get(k), mine.get(k));
            }
        }
        if (pub.get("units") instanceof Map<?, ?> pu && mine.get("units") instanceof Map<?, ?> mu) {
            Map<String, Object> pubUnits = JsonTree.asObject(pu);
            Map<String, Object> myUnits = JsonTree.asObject(mu);
            for (String unit : union(pubUnits, myUnits)) {
                Object a = pubUnits.get(unit);
                Object b = myUnits.get(unit);
                if (a instanceof Map<?, ?> am && b instanceof Map<?, ?> bm) {
                    unit(out, unit, JsonTree.asObject(am), JsonTree.asObject(bm), contest);
                } else {
                    compare(out, unit, "(unit)", a, b);
                }
            }
        } else {
            compare(out, "", "units", pub.get("units"), mine.get("units"));
        }
        if (out.isEmpty() && !java.util.Arrays.equals(published, recomputed)) {
            out.add(new Difference(
                    "", "(bytes)", "the same values, not canonically encoded", "RFC 8785 canonical bytes"));
        }
        return out;
    }

    private static void unit(
            List<Difference> out, String unit, Map<String, Object> pub, Map<String, Object> mine, Contest contest) {
        for (String k : union(pub, mine)) {
            if (k.equals("votes")
                    && pub.get(k) instanceof List<?> a
                    && mine.get(k) instanceof List<?> b
                    && a.size() == b.size()) {
                for (int i = 0; i < a.size(); i++) {
                    String choice = i < contest.choices().size()
                            ? " (choice " + contest.choices().get(i).id() + ")"
                            : "";
                    compare(out, unit, "votes[" + i + "]" + choice, a.get(i), b.get(i));
                }
            } else {
                compare(out, unit, k, pub.get(k), mine.get(k));
            }
        }
    }

    private static void compare(List<Difference> out, String unit, String field, Object published, Object recomputed) {
        if (!Objects.equals(published, recomputed)) {
            out.add(new Difference(unit, field, render(published), render(recomputed)));
        }
    }

    private static TreeSet<String> union(Map<String, Object> a, Map<String, Object> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String render(Object v) {
        if (v == null) {
            return "absent";
        }
        if (v instanceof JsonTree.BadNumber n) {
            return n.text();
        }
        try {
            return new String(CanonicalJson.encode(v), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return String.valueOf(v);
        }
    }

    private static java.util.Optional<Object> parse(byte[] json) {
        try {
            return java.util.Optional.of(JsonTree.parse(json));
        } catch (JsonTree.JsonError e) {
            return java.util.Optional.empty();
        }
    }
}
