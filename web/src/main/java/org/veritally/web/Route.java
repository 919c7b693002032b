package org.veritally.web;

import java.util.Map;
import java.util.Optional;
import org.veritally.web.link.PageRef;
import org.veritally.web.link.PageRef.Kind;

/**
 * Parses the part of a site URL after {@code /{lang}/} and its query into a {@link PageRef}: the
 * inverse of {@link org.veritally.web.link.HttpLinks}. Empty parameters count as absent, and a page
 * keeps only the parameters it understands, so {@code ?utm=x} or a stray {@code sort} on a station
 * page does not make a second URL for the same page. Stateless.
 */
final class Route {
    private Route() {}

    static Optional<PageRef> parse(String path, Map<String, String> query) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        switch (p) {
            case "" -> {
                return Optional.of(page(Kind.OVERVIEW, "", query, "view"));
            }
            case "search" -> {
                return Optional.of(PageRef.search(param(query, "q").orElse("")));
            }
            case "downloads" -> {
                return Optional.of(PageRef.downloads());
            }
            case "discrepancies" -> {
                return Optional.of(page(Kind.DISCREPANCIES, "", query, "unit", "source"));
            }
            case "upload" -> {
                return Optional.of(PageRef.upload());
            }
            case "transcribe" -> {
                return Optional.of(PageRef.transcribe());
            }
            case "moderate" -> {
                return Optional.of(PageRef.moderate());
            }
            case "campaign" -> {
                return Optional.of(PageRef.campaign());
            }
            case "announcements" -> {
                return Optional.of(PageRef.announcements());
            }
            case "audits" -> {
                return Optional.of(PageRef.audits());
            }
            case "diff" -> {
                return Optional.of(page(Kind.DIFF, "", query, "view", "from", "to"));
            }
            case "statistics" -> {
                return Optional.of(page(Kind.STATISTICS, "", query, "contest", "view", "seed", "size"));
            }
            default -> {}
        }
        String id = "";
        if (p.startsWith("audit/")) return audit(p.substring(6));
        if (p.startsWith("timeline/")) {
            id = p.substring(9);
            if (id.isEmpty() || id.contains("/")) return Optional.empty();
            return Optional.of(page(Kind.TIMELINE, id, query, "contest", "view"));
        }
        if (p.startsWith("unit/")) id = p.substring(5);
        else if (p.startsWith("station/")) id = p.substring(8);
        if (id.isEmpty() || id.contains("/")) return Optional.empty();
        if (p.startsWith("unit/")) return Optional.of(page(Kind.UNIT, id, query, "contest", "view", "sort"));
        return Optional.of(PageRef.station(id));
    }

    /** {@code {id}} or {@code {id}/form/{station}}, each segment non-empty. */
    private static Optional<PageRef> audit(String rest) {
        String[] s = rest.split("/", -1);
        if (s.length == 1 && !s[0].isEmpty()) return Optional.of(PageRef.audit(s[0]));
        if (s.length == 3 && !s[0].isEmpty() && s[1].equals("form") && !s[2].isEmpty())
            return Optional.of(PageRef.auditForm(s[0], s[2]));
        return Optional.empty();
    }

    private static PageRef page(Kind kind, String id, Map<String, String> query, String... names) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String n : names) param(query, n).ifPresent(v -> m.put(n, v));
        return new PageRef(kind, id, m);
    }

    private static Optional<String> param(Map<String, String> query, String name) {
        return Optional.ofNullable(query.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
