package org.veritally.formats.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.model.Election;
import org.veritally.core.model.Unit;

/**
 * The hierarchy columns of a station: for each level below the root, the code (unit id) and name of
 * the station's ancestor at that level; empty where the station's unit lies above that level.
 * Built from the units, which are far fewer than the stations; each unit's path is computed once.
 * Not thread-safe (it caches).
 */
public final class Hierarchy {
    private final Map<String, Unit> units = new HashMap<>();
    private final Map<String, Unit[]> paths = new HashMap<>();
    private final List<String> levels;

    public Hierarchy(Election election, List<Unit> units) {
        this.levels = election.levels();
        for (Unit u : units) this.units.put(u.id(), u);
    }

    /** Number of levels below the root (the number of code/name column pairs). */
    public int depth() {
        return levels.size() - 1;
    }

    /** Name of level {@code l} (1-based below the root). */
    public String levelName(int l) {
        return levels.get(l);
    }

    /**
     * The ancestors of a unit (itself included) indexed by level - 1, null where absent.
     *
     * @throws IllegalArgumentException when the unit is unknown
     */
    public Unit[] path(String unitId) {
        Unit[] p = paths.get(unitId);
        if (p != null) return p;
        p = new Unit[depth()];
        Unit u = units.get(unitId);
        if (u == null) throw new IllegalArgumentException("unknown unit " + unitId);
        for (; u != null; u = u.isRoot() ? null : units.get(u.parentId())) {
            if (u.level() >= 1 && u.level() <= p.length) p[u.level() - 1] = u;
        }
        paths.put(unitId, p);
        return p;
    }

    public Unit unit(String id) {
        Unit u = units.get(id);
        if (u == null) throw new IllegalArgumentException("unknown unit " + id);
        return u;
    }
}
