package org.veritally.web.model;

import org.veritally.core.model.Denominator;

/**
 * How much of a unit has reported in one view: stations and registered voters, in and total. The
 * totals are the unit's {@link Denominator}: the election's declared universe where there is one,
 * else the catalogue; {@code basis} says which, and every page that shows a share says it too
 * (docs/coverage.md).
 */
public record Coverage(
        long stationsReporting,
        long stationsTotal,
        long registeredReporting,
        long registeredTotal,
        Denominator.Basis basis) {

    /** Coverage over the catalogue. */
    public Coverage(long stationsReporting, long stationsTotal, long registeredReporting, long registeredTotal) {
        this(stationsReporting, stationsTotal, registeredReporting, registeredTotal, Denominator.Basis.CATALOGUE);
    }

    /** The {@link org.veritally.web.page.Figures} field of {@link #stationsTotal}. */
    public String stationsField() {
        return basis == Denominator.Basis.UNIVERSE ? "stationsUniverse" : "stationsTotal";
    }

    /** The {@link org.veritally.web.page.Figures} field of {@link #registeredTotal}. */
    public String registeredField() {
        return basis == Denominator.Basis.UNIVERSE ? "registeredUniverse" : "registeredTotal";
    }

    /** The message key naming the denominator ({@code coverage.basis.universe} or {@code .catalogue}). */
    public String basisKey() {
        return "coverage.basis." + basis.wire();
    }
}
