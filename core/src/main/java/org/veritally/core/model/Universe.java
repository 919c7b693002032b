package org.veritally.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The whole election as its authority counts it, declared apart from the catalogue in hand: how many
 * stations and registered voters there are in total, and below some units where that is known
 * (docs/coverage.md). A catalogue may hold only part of the stations (the Venezuelan opposition's
 * file holds 24,532 of the CNE's 30,026 tables); coverage divides by the universe where one is
 * declared, so a partial catalogue is not taken for the whole election. Immutable.
 *
 * @param stations stations in the whole election (below the root unit)
 * @param registered registered voters in the whole election
 * @param units the figures known below other units, each unit at most once, never the root
 */
public record Universe(long stations, long registered, List<Extent> units) {
    /** Stations and registered voters below one unit, as the authority counts them. */
    public record Extent(String unitId, long stations, long registered) {
        public Extent {
            Ids.require(unitId, "unit id of a universe figure");
            if (stations < 0 || registered < 0)
                throw new IllegalArgumentException("universe of unit " + unitId + ": a count < 0");
        }
    }

    public Universe {
        if (stations < 0 || registered < 0) throw new IllegalArgumentException("universe: a count < 0");
        units = List.copyOf(units);
        var seen = new HashSet<String>();
        for (Extent x : units)
            if (!seen.add(x.unitId())) throw new IllegalArgumentException("universe: unit " + x.unitId() + " twice");
    }

    /** The declared figures of {@code unitId}; {@code rootUnitId} names the whole election. */
    public Optional<Extent> of(String unitId, String rootUnitId) {
        if (unitId.equals(rootUnitId)) return Optional.of(new Extent(rootUnitId, stations, registered));
        for (Extent x : units) if (x.unitId().equals(unitId)) return Optional.of(x);
        return Optional.empty();
    }
}
