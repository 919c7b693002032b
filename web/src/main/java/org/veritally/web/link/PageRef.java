package org.veritally.web.link;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A page, independent of how it is addressed: its kind, its subject's id (unit or station), and
 * the parameters that select what it shows, by their wire names ({@link #PARAMS}; absent ones are
 * simply not in the map, never empty strings). Equal refs are the same page. Immutable.
 */
public record PageRef(Kind kind, String id, Map<String, String> params) {
    /** Every parameter a page may carry, in the order a URL writes them. */
    public static final List<String> PARAMS =
            List.of("contest", "view", "sort", "q", "unit", "source", "seed", "size", "station", "from", "to");

    /** The kinds of page the site has. */
    public enum Kind {
        OVERVIEW,
        UNIT,
        STATION,
        SEARCH,
        DOWNLOADS,
        DISCREPANCIES,
        ANNOUNCEMENTS,
        STATISTICS,
        /** The form a witness files a photo of a sheet with: live site only (a mirror has no server). */
        UPLOAD,
        /** The transcription page for volunteers (docs/transcription.md): live site only. */
        TRANSCRIBE,
        /** The moderator's page of escalated photos: live site only. */
        MODERATE,
        /** The transcription campaign's progress. */
        CAMPAIGN,
        /** The reporting timeline of a unit (docs/timeline.md); its id is the unit's. */
        TIMELINE,
        /** The risk-limiting audits (docs/audit.md). */
        AUDITS,
        /** One audit; its id is the audit's. */
        AUDIT,
        /** The printable tally form of one station of an audit; its id is the audit's, param {@code station}. */
        AUDIT_FORM,
        /** What changed between two log sizes ({@code from}, {@code to}): live site only. */
        DIFF
    }

    /** Whether a page of this kind is about one subject, named by its id. */
    static boolean hasId(Kind k) {
        return k == Kind.UNIT || k == Kind.STATION || k == Kind.TIMELINE || k == Kind.AUDIT || k == Kind.AUDIT_FORM;
    }

    public PageRef {
        if (hasId(kind) == id.isEmpty() || (kind == Kind.AUDIT_FORM) != params.containsKey("station"))
            throw new IllegalArgumentException(kind + " page id '" + id + "'");
        Map<String, String> m = new TreeMap<>();
        params.forEach((k, v) -> {
            if (!PARAMS.contains(k)) throw new IllegalArgumentException("unknown page parameter '" + k + "'");
            if (v != null && !v.isEmpty()) m.put(k, v);
        });
        params = java.util.Collections.unmodifiableMap(m);
    }

    /** A page of {@code kind} with the given (possibly absent) parameters, as name, value pairs. */
    @SafeVarargs
    public static PageRef of(Kind kind, String id, Map.Entry<String, Optional<String>>... params) {
        Map<String, String> m = new LinkedHashMap<>();
        for (var e : params) e.getValue().ifPresent(v -> m.put(e.getKey(), v));
        return new PageRef(kind, id, m);
    }

    private static Map.Entry<String, Optional<String>> p(String name, Optional<String> value) {
        return Map.entry(name, value);
    }

    /** The overview in the default view. */
    public static PageRef home() {
        return new PageRef(Kind.OVERVIEW, "", Map.of());
    }

    public static PageRef overview(String view) {
        return new PageRef(Kind.OVERVIEW, "", Map.of("view", view));
    }

    /** A unit in the default contest and view. */
    public static PageRef unit(String id) {
        return new PageRef(Kind.UNIT, id, Map.of());
    }

    public static PageRef unit(String id, String contest, String view) {
        return new PageRef(Kind.UNIT, id, Map.of("contest", contest, "view", view));
    }

    public static PageRef station(String id) {
        return new PageRef(Kind.STATION, id, Map.of());
    }

    public static PageRef search(String query) {
        return of(Kind.SEARCH, "", p("q", Optional.of(query)));
    }

    public static PageRef downloads() {
        return new PageRef(Kind.DOWNLOADS, "", Map.of());
    }

    /** Disputed stations, optionally only below {@code unit} and only where {@code source}'s copy differs. */
    public static PageRef discrepancies(Optional<String> unit, Optional<String> source) {
        return of(Kind.DISCREPANCIES, "", p("unit", unit), p("source", source));
    }

    /** The upload form for photos of tally sheets. */
    public static PageRef upload() {
        return new PageRef(Kind.UPLOAD, "", Map.of());
    }

    /** The transcription page for volunteers. */
    public static PageRef transcribe() {
        return new PageRef(Kind.TRANSCRIBE, "", Map.of());
    }

    /** The moderator's page of escalated photos. */
    public static PageRef moderate() {
        return new PageRef(Kind.MODERATE, "", Map.of());
    }

    /** The transcription campaign's progress. */
    public static PageRef campaign() {
        return new PageRef(Kind.CAMPAIGN, "", Map.of());
    }

    /** The risk-limiting audits. */
    public static PageRef audits() {
        return new PageRef(Kind.AUDITS, "", Map.of());
    }

    /** Audit {@code id}: its definition, rounds, risk and the stations to count. */
    public static PageRef audit(String id) {
        return new PageRef(Kind.AUDIT, id, Map.of());
    }

    /** The printable tally form of {@code station} for audit {@code id}. */
    public static PageRef auditForm(String id, String station) {
        return new PageRef(Kind.AUDIT_FORM, id, Map.of("station", station));
    }

    public static PageRef announcements() {
        return new PageRef(Kind.ANNOUNCEMENTS, "", Map.of());
    }

    /** The statistics of a contest in a view (each absent for the default). */
    /** The reporting timeline of unit {@code id} for a contest and view. */
    public static PageRef timeline(String id, String contest, String view) {
        return new PageRef(Kind.TIMELINE, id, Map.of("contest", contest, "view", view));
    }

    /** The reporting timeline of unit {@code id} for a contest, in {@code view} (every view has one). */
    public static PageRef timelineOf(String id, String contest, String view) {
        return timeline(id, contest, view);
    }

    /** What changed between log sizes {@code from} and {@code to}, totals in {@code view} (absent: default). */
    public static PageRef diff(long from, long to, Optional<String> view) {
        return of(
                Kind.DIFF,
                "",
                p("from", Optional.of(Long.toString(from))),
                p("to", Optional.of(Long.toString(to))),
                p("view", view));
    }

    public static PageRef statistics(Optional<String> contest, Optional<String> view) {
        return of(Kind.STATISTICS, "", p("contest", contest), p("view", view));
    }

    /** The statistics page with a quick count drawn from {@code seed} with {@code size} stations. */
    public PageRef quickCount(String seed, String size) {
        Map<String, String> m = new TreeMap<>(params);
        m.put("seed", seed);
        m.put("size", size);
        return new PageRef(kind, id, m);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public Optional<String> contest() {
        return param("contest");
    }

    public Optional<String> view() {
        return param("view");
    }

    public Optional<String> sort() {
        return param("sort");
    }

    public Optional<String> query() {
        return param("q");
    }

    /** This page sorted by {@code sortWire} (the default sort drops the parameter). */
    public PageRef sorted(String sortWire, boolean isDefault) {
        Map<String, String> m = new TreeMap<>(params);
        if (isDefault) m.remove("sort");
        else m.put("sort", sortWire);
        return new PageRef(kind, id, m);
    }
}
