package org.veritally.core.rulebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.core.model.Universe;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;

/**
 * Rule CAT-UNIVERSE (docs/coverage.md): a catalogue entry may not bring the stations or the
 * registered voters below a unit above what the election declares for that unit's universe. A
 * universe smaller than the catalogue in hand would make coverage exceed 100 % and the bounds that
 * rest on it (irreversibility, announcements) wrong, so such an entry is refused rather than the
 * figure silently raised. Units the universe names but no catalogue declares are not checked (they
 * may come later). Part of the {@link Rulebook}; pure and stateless.
 */
final class CatalogueWithinUniverse {
    private CatalogueWithinUniverse() {}

    /** Problems of {@code c} (its units and stations otherwise passed) over {@code ledger}; {@code mine}: its units. */
    static List<Problem> check(LedgerView ledger, CatalogueEntry c, Map<String, Unit> mine, String where) {
        Election el = ledger.election().orElseThrow();
        Universe universe = el.universe().orElseThrow();
        Map<String, long[]> added = new HashMap<>();
        for (Station s : c.stations()) {
            String u = s.unitId();
            while (!u.isEmpty()) {
                if (universe.of(u, el.rootUnitId()).isPresent()) {
                    long[] a = added.computeIfAbsent(u, k -> new long[2]);
                    a[0]++;
                    a[1] += s.registeredVoters();
                }
                Unit unit = mine.containsKey(u) ? mine.get(u) : ledger.unit(u).orElseThrow();
                u = unit.parentId();
            }
        }
        List<Problem> out = new ArrayList<>(0);
        for (var e : added.entrySet()) {
            Universe.Extent x = universe.of(e.getKey(), el.rootUnitId()).orElseThrow();
            LedgerView.Below before = ledger.below(e.getKey());
            long stations = before.stations() + e.getValue()[0];
            long registered = before.registered() + e.getValue()[1];
            exceeds(out, where, x, "stations", x.stations(), stations);
            exceeds(out, where, x, "registered voters", x.registered(), registered);
        }
        out.sort(java.util.Comparator.comparing(Problem::location));
        return out;
    }

    private static void exceeds(List<Problem> out, String where, Universe.Extent x, String what, long max, long n) {
        if (n > max)
            out.add(Problem.mismatch(
                    Rule.CAT_UNIVERSE,
                    where + " unit " + x.unitId(),
                    "the catalogue below the unit may not exceed the declared universe's " + what,
                    "at most " + max,
                    n));
    }
}
