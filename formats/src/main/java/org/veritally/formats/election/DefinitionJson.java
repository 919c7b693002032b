package org.veritally.formats.election;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.Definition;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.entry.ElectionJson;

/**
 * Format {@code election}: the JSON election definition a user writes or {@code generate} produces
 * (docs/formats.md). The election members (as in the log's election entry, without kind and v) plus
 * {@code units [{id, name, parent}]} (the root has parent ""), {@code stations [{id, name, unit,
 * registered}]} and {@code sources [{id, name, kind}]}. Every problem is reported with its JSON path.
 * Stateless.
 */
public final class DefinitionJson {
    private DefinitionJson() {}

    public static Optional<Definition> read(byte[] json, String file, List<Problem> problems) {
        Object tree;
        try {
            tree = JsonTree.parse(json);
        } catch (JsonTree.JsonError e) {
            problems.add(new Problem(
                    e.countError() ? Rule.IN_COUNT : Rule.IN_SYNTAX, file + " " + e.path(), e.getMessage()));
            return Optional.empty();
        }
        int before = problems.size();
        Fields f = new Fields(tree, file + " $", problems);
        Optional<Election> election = ElectionJson.read(f, problems);
        Map<String, Integer> level = new HashMap<>();
        List<Unit> units = new ArrayList<>();
        List<Object> ul = f.list("units");
        for (int i = 0; i < ul.size(); i++) {
            Fields u = new Fields(ul.get(i), f.path() + ".units[" + i + "]", problems);
            String id = u.str("id");
            String name = u.str("name");
            String parent = u.has("parent") ? u.str("parent") : "";
            u.end();
            Integer pl = parent.isEmpty() ? Integer.valueOf(-1) : level.get(parent);
            if (pl == null) {
                problems.add(new Problem(
                        Rule.CAT_UNIT, u.path() + ".parent", "unknown parent '" + parent + "' (list parents first)"));
                continue;
            }
            try {
                units.add(new Unit(id, name, pl + 1, parent));
                if (level.put(id, pl + 1) != null)
                    problems.add(new Problem(Rule.CAT_UNIT, u.path(), "duplicate unit '" + id + "'"));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Rule.CAT_UNIT, u.path(), e.getMessage()));
            }
        }
        List<Station> stations = new ArrayList<>();
        List<Object> sl = f.list("stations");
        for (int i = 0; i < sl.size(); i++) {
            Fields s = new Fields(sl.get(i), f.path() + ".stations[" + i + "]", problems);
            String id = s.str("id");
            String name = s.has("name") ? s.str("name") : id;
            String unit = s.str("unit");
            long reg = s.count("registered");
            s.end();
            if (!level.containsKey(unit))
                problems.add(new Problem(Rule.CAT_STATION, s.path() + ".unit", "unknown unit '" + unit + "'"));
            try {
                stations.add(new Station(id, name, unit, reg));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Rule.CAT_STATION, s.path(), e.getMessage()));
            }
        }
        List<Source> sources = new ArrayList<>();
        if (f.has("sources")) {
            List<Object> rl = f.list("sources");
            for (int i = 0; i < rl.size(); i++) {
                Fields s = new Fields(rl.get(i), f.path() + ".sources[" + i + "]", problems);
                String id = s.str("id");
                String name = s.str("name");
                String kind = s.str("kind");
                s.end();
                try {
                    sources.add(new Source(id, name, SourceKind.ofWire(kind)));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(Rule.SRC_KIND, s.path(), "bad source: " + e.getMessage()));
                }
            }
        }
        f.end();
        if (election.isPresent() && !level.containsKey(election.get().rootUnitId())) {
            problems.add(new Problem(
                    Rule.CAT_UNIT,
                    f.path() + ".root",
                    "root unit '" + election.get().rootUnitId() + "' is not among the units"));
        }
        if (problems.size() > before || election.isEmpty()) return Optional.empty();
        return Optional.of(new Definition(election.get(), units, stations, sources));
    }

    /** Writes a definition in this format (used by {@code generate}). */
    public static byte[] write(Definition d) {
        Map<String, Object> m = new LinkedHashMap<>(ElectionJson.toTree(d.election()));
        m.remove("kind");
        m.remove("v");
        var units = new ArrayList<Object>();
        for (Unit u : d.units()) units.add(Map.of("id", u.id(), "name", u.name(), "parent", u.parentId()));
        var stations = new ArrayList<Object>();
        for (Station s : d.stations())
            stations.add(
                    Map.of("id", s.id(), "name", s.name(), "unit", s.unitId(), "registered", s.registeredVoters()));
        var sources = new ArrayList<Object>();
        for (Source s : d.sources())
            sources.add(Map.of("id", s.id(), "name", s.name(), "kind", s.kind().wire()));
        m.put("units", units);
        m.put("stations", stations);
        m.put("sources", sources);
        return CanonicalJson.encode(m);
    }
}
