package org.veritally.core.model;

/**
 * What coverage divides by for one unit: the stations and registered voters below it, and where
 * those numbers come from (docs/coverage.md). Immutable.
 *
 * @param basis {@link Basis#UNIVERSE} when the election declares the unit's universe, else {@link
 *     Basis#CATALOGUE}, the stations in hand
 */
public record Denominator(Basis basis, long stations, long registered) {
    /** Where a denominator comes from; {@link #wire()} is its name in files and API answers. */
    public enum Basis {
        /** The election's declared universe ({@link Universe}). */
        UNIVERSE,
        /** The catalogue of stations in hand. */
        CATALOGUE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Denominator {
        if (basis == null) throw new IllegalArgumentException("basis is null");
        if (stations < 0 || registered < 0) throw new IllegalArgumentException("denominator < 0");
    }

    /**
     * The denominator of unit {@code unitIndex}: its declared universe if the election declares one
     * for it, else its catalogue. A declared universe is never below the catalogue (rule
     * CAT-UNIVERSE), so coverage over it never exceeds 100 %.
     */
    public static Denominator of(Election e, Catalogue cat, int unitIndex) {
        String id = cat.unit(unitIndex).id();
        var declared = e.universe().flatMap(u -> u.of(id, e.rootUnitId()));
        if (declared.isPresent())
            return new Denominator(
                    Basis.UNIVERSE, declared.get().stations(), declared.get().registered());
        return new Denominator(Basis.CATALOGUE, cat.stationsBelow(unitIndex), cat.registeredBelow(unitIndex));
    }

    /** The whole election's denominator (the root unit's), also before any unit is declared. */
    public static Denominator ofWhole(Election e, Catalogue cat) {
        if (e.universe().isPresent())
            return new Denominator(
                    Basis.UNIVERSE,
                    e.universe().get().stations(),
                    e.universe().get().registered());
        if (cat.unitCount() == 0) return new Denominator(Basis.CATALOGUE, 0, 0);
        return new Denominator(Basis.CATALOGUE, cat.stationCount(), cat.registeredBelow(0));
    }

    public boolean declared() {
        return basis == Basis.UNIVERSE;
    }
}
