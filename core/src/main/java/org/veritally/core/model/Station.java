package org.veritally.core.model;

/**
 * The counting place a tally sheet belongs to (mesa, TPS, section, casilla), with its registered
 * voters. The id follows the authority's own code where one exists; for Venezuela
 * {@code CCCCCCCCC.MM}. Immutable.
 */
public record Station(String id, String name, String unitId, long registeredVoters) {
    public Station {
        Ids.require(id, "station id");
        Ids.require(unitId, "unit id of station ", id); // the message is built only if it fails
        if (name == null) throw new IllegalArgumentException("station name is null");
        if (registeredVoters < 0) throw new IllegalArgumentException("station " + id + ": registered voters < 0");
    }
}
