package org.veritally.server.stats;

import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;

/**
 * The level of the unit hierarchy whose units are the strata of a quick count (for Venezuela {@code state},
 * for the synthetic elections {@code region}). A station's stratum is the id of its ancestor at that level;
 * a station attached above the level is its own unit's stratum. Immutable.
 *
 * @param index the level, 0 for the root
 * @param name the level's name in the election
 */
public record StrataLevel(int index, String name) {

    /**
     * The level named {@code nameOrIndex} (a name from {@link Election#levels()} or its number); by default
     * level 1 (the first below the root), or 0 in a one-level election.
     *
     * @throws StatsParameterProblem if there is no such level
     */
    public static StrataLevel resolve(Election election, Optional<String> nameOrIndex) {
        List<String> levels = election.levels();
        if (nameOrIndex.isEmpty()) {
            int i = levels.size() > 1 ? 1 : 0;
            return new StrataLevel(i, levels.get(i));
        }
        String s = nameOrIndex.get();
        int i = levels.indexOf(s);
        if (i < 0 && s.matches("[0-9]{1,3}") && Integer.parseInt(s) < levels.size()) {
            i = Integer.parseInt(s);
        }
        if (i < 0) {
            throw new StatsParameterProblem(
                    "unknown strata level '" + s + "' (levels of this election: " + levels + ")");
        }
        return new StrataLevel(i, levels.get(i));
    }

    /** For every unit index of {@code catalogue}, the id of its stratum. */
    public String[] stratumOfUnits(Catalogue catalogue) {
        int n = catalogue.unitCount();
        String[] out = new String[n];
        // Parents precede their children in the catalogue, so one forward pass suffices.
        for (int u = 0; u < n; u++) {
            var unit = catalogue.unit(u);
            out[u] = unit.level() <= index ? unit.id() : out[catalogue.parent(u)];
        }
        return out;
    }
}
