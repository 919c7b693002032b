package org.veritally.formats.nist;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The NIST {@code ReportingUnitType} of a hierarchy level: the level's name when it is one of the
 * standard's values (country, state, county, municipality, village, …), otherwise {@code other}
 * with the level's name as {@code OtherType}. Stations are {@link #STATION} ({@code precinct}, the
 * finest unit a report carries counts for, as OpenElections also calls it). Stateless.
 */
public final class UnitTypes {
    public static final String STATION = "precinct";
    private static final Set<String> STANDARD = Set.of(
            "ballot-batch",
            "ballot-style-area",
            "borough",
            "city",
            "city-council",
            "combined-precinct",
            "congressional",
            "country",
            "county",
            "county-council",
            "drop-box",
            "judicial",
            "municipality",
            "polling-place",
            "precinct",
            "school",
            "special",
            "split-precinct",
            "state",
            "state-house",
            "state-senate",
            "town",
            "township",
            "utility",
            "village",
            "vote-center",
            "ward",
            "water");

    private UnitTypes() {}

    /** The standard type of a level name, or empty when it must be written as other + OtherType. */
    public static Optional<String> standard(String levelName) {
        String t = levelName.toLowerCase(Locale.ROOT);
        return STANDARD.contains(t) ? Optional.of(t) : Optional.empty();
    }
}
