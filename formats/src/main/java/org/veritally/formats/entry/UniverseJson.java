package org.veritally.formats.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Universe;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.Fields;

/**
 * JSON form of an election's declared {@link Universe} (docs/log-format.md §1.1, member {@code
 * universe}): {@code {stations, registered, units: [{unit, stations, registered}]}}, {@code units}
 * written only when it is not empty (so an entry with {@code "units":[]} is not canonical).
 * Stateless and thread-safe.
 */
public final class UniverseJson {
    private UniverseJson() {}

    public static Map<String, Object> toTree(Universe u) {
        var m = new LinkedHashMap<String, Object>();
        m.put("stations", u.stations());
        m.put("registered", u.registered());
        if (!u.units().isEmpty()) {
            var units = new ArrayList<Object>();
            for (Universe.Extent x : u.units())
                units.add(Map.of("unit", x.unitId(), "stations", x.stations(), "registered", x.registered()));
            m.put("units", units);
        }
        return m;
    }

    /** Reads the object {@code f}; shape problems are IN-FIELD or IN-COUNT, inconsistencies EL-DEF. */
    public static Optional<Universe> read(Fields f, List<Problem> problems) {
        int before = problems.size();
        long stations = f.count("stations");
        long registered = f.count("registered");
        List<Universe.Extent> units = new ArrayList<>();
        if (f.has("units")) {
            List<Object> ul = f.list("units");
            for (int i = 0; i < ul.size(); i++) {
                Fields x = new Fields(ul.get(i), f.path() + ".units[" + i + "]", problems);
                String unit = x.str("unit");
                long s = x.count("stations");
                long r = x.count("registered");
                x.end();
                if (problems.size() == before)
                    attempt(() -> units.add(new Universe.Extent(unit, s, r)), x.path(), problems);
            }
        }
        f.end();
        if (problems.size() > before) return Optional.empty();
        Universe[] out = new Universe[1];
        attempt(() -> out[0] = new Universe(stations, registered, units), f.path(), problems);
        return Optional.ofNullable(out[0]);
    }

    private static void attempt(Runnable r, String path, List<Problem> problems) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Rule.EL_DEF, path, e.getMessage()));
        }
    }
}
