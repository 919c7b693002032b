package org.veritally.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.veritally.core.validation.Problem;
import org.veritally.formats.canonical.CanonicalJson;

/**
 * Renders a {@link Report} for people (a numbered list) or machines (canonical JSON:
 * {@code {"checks":[{"id","number","name","status","detail","mismatches":[...],"mismatchCount"}],
 * "command","entries","location","treeSize","verified"}}). Stateless and thread-safe.
 */
public final class ReportFormat {

    private ReportFormat() {}

    /** The report as numbered lines, the verdict last. */
    public static String text(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s %s%n", r.command(), r.location()));
        if (r.treeSize() >= 0) {
            sb.append(String.format(Locale.ROOT, "tree size %,d; %,d entries checked%n", r.treeSize(), r.entries()));
        }
        for (CheckResult c : r.checks()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%2d. %-13s %-4s  %s%n",
                    c.check().number(),
                    c.check().id(),
                    label(c.status()),
                    c.detail()));
            for (Problem m : c.mismatches()) {
                sb.append("      ")
                        .append(m.rule().id())
                        .append(" at ")
                        .append(m.location())
                        .append(": ")
                        .append(m.message());
                sb.append(System.lineSeparator());
                String expected = m.expected().orElse("");
                String computed = m.found().orElse("");
                if (!expected.isEmpty() || !computed.isEmpty()) {
                    sb.append("        expected ").append(expected).append(System.lineSeparator());
                    sb.append("        computed ").append(computed).append(System.lineSeparator());
                }
            }
            if (c.mismatchCount() > c.mismatches().size()) {
                sb.append(String.format(
                        Locale.ROOT,
                        "      … and %,d more%n",
                        c.mismatchCount() - c.mismatches().size()));
            }
        }
        List<CheckResult> failed = r.failures();
        if (failed.isEmpty()) {
            sb.append("VERIFIED: every check passed").append(System.lineSeparator());
        } else {
            sb.append("FAILED: ")
                    .append(String.join(
                            ", ", failed.stream().map(c -> c.check().id()).toList()));
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The report as one line of canonical JSON (RFC 8785). */
    public static String json(Report r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", r.command());
        root.put("location", r.location());
        root.put("verified", r.verified());
        root.put("treeSize", r.treeSize());
        root.put("entries", r.entries());
        List<Object> checks = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", c.check().number());
            m.put("id", c.check().id());
            m.put("name", c.check().title());
            m.put("status", c.status().name().toLowerCase(Locale.ROOT));
            m.put("detail", c.detail());
            List<Object> mismatches = new ArrayList<>();
            for (Problem x : c.mismatches()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("rule", x.rule().id());
                mm.put("where", x.location());
                mm.put("message", x.message());
                mm.put("expected", x.expected().orElse(""));
                mm.put("computed", x.found().orElse(""));
                mismatches.add(mm);
            }
            m.put("mismatches", mismatches);
            m.put("mismatchCount", c.mismatchCount());
            checks.add(m);
        }
        root.put("checks", checks);
        return new String(CanonicalJson.encode(root), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String label(CheckResult.Status s) {
        return switch (s) {
            case PASS -> "ok";
            case FAIL -> "FAIL";
            case SKIP -> "skip";
        };
    }
}
