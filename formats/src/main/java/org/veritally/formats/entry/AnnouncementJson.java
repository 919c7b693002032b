package org.veritally.formats.entry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.veritally.core.model.Announcement;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.Fields;

/**
 * JSON form of an {@link Announcement} (docs/log-format.md, "announcement"; docs/formats.md,
 * format {@code announcement}). Members: {@code id, title, time, contest, candidates {id: votes}};
 * optional {@code others, registered, registeredCounted, ballots, valid, null, stationsTotal,
 * coverageStations, coverageHundredthsPercent}. Input files may give the percentage as a decimal
 * string {@code coveragePercent: "96.87"} instead; the log stores hundredths (integers only).
 * Stateless.
 */
public final class AnnouncementJson {
    private AnnouncementJson() {}

    public static Map<String, Object> toTree(Announcement a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("kind", "announcement");
        m.put("v", 1L);
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("time", a.time());
        m.put("contest", a.contest());
        m.put("candidates", new TreeMap<String, Object>(a.candidates()));
        put(m, "others", a.others());
        put(m, "registered", a.registered());
        put(m, "registeredCounted", a.registeredCounted());
        put(m, "ballots", a.ballots());
        put(m, "valid", a.valid());
        put(m, "null", a.nulls());
        put(m, "stationsTotal", a.stationsTotal());
        put(m, "coverageStations", a.coverageStations());
        put(m, "coverageHundredthsPercent", a.coverageHundredthsPercent());
        return m;
    }

    private static void put(Map<String, Object> m, String k, OptionalLong v) {
        v.ifPresent(x -> m.put(k, x));
    }

    /** Reads the members (the caller handles kind, v and end()). */
    public static Optional<Announcement> read(Fields f, boolean inputForm, List<Problem> problems) {
        int before = problems.size();
        String id = f.str("id");
        String title = f.str("title");
        String time = f.str("time");
        String contest = f.str("contest");
        Map<String, Long> candidates = new TreeMap<>();
        for (var e : f.obj("candidates").raw().entrySet()) {
            if (e.getValue() instanceof Long n && n >= 0) candidates.put(e.getKey(), n);
            else
                problems.add(new Problem(
                        Rule.IN_COUNT, f.path() + ".candidates." + e.getKey(), "votes must be a non-negative integer"));
        }
        OptionalLong others = opt(f, "others");
        OptionalLong registered = opt(f, "registered");
        OptionalLong registeredCounted = opt(f, "registeredCounted");
        OptionalLong ballots = opt(f, "ballots");
        OptionalLong valid = opt(f, "valid");
        OptionalLong nulls = opt(f, "null");
        OptionalLong stationsTotal = opt(f, "stationsTotal");
        OptionalLong coverageStations = opt(f, "coverageStations");
        OptionalLong hundredths = opt(f, "coverageHundredthsPercent");
        if (inputForm && f.has("coveragePercent")) {
            String p = f.str("coveragePercent");
            try {
                BigDecimal d = new BigDecimal(p).movePointRight(2);
                hundredths = OptionalLong.of(d.longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                problems.add(new Problem(
                        Rule.IN_COUNT,
                        f.path() + ".coveragePercent",
                        "a percentage with at most two decimals, like \"96.87\": '" + p + "'"));
            }
        }
        if (problems.size() > before) return Optional.empty();
        try {
            return Optional.of(new Announcement(
                    id,
                    title,
                    time,
                    contest,
                    hundredths,
                    coverageStations,
                    stationsTotal,
                    registered,
                    registeredCounted,
                    ballots,
                    valid,
                    nulls,
                    candidates,
                    others));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Rule.IN_FIELD, f.path(), e.getMessage()));
            return Optional.empty();
        }
    }

    private static OptionalLong opt(Fields f, String k) {
        return f.has(k) ? OptionalLong.of(f.count(k)) : OptionalLong.empty();
    }
}
