package org.veritally.core.model;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Totals the authority declared for a contest at a point in time, with the coverage it claimed.
 * Counts the authority did not state are empty. {@code others} is a lump the authority gave for
 * candidates it did not list. Coverage is claimed as a share of stations (in hundredths of a
 * percent, so integers stay exact) or as a number of stations, out of {@code stationsTotal} (the
 * authority's own count of stations, where it differs from the catalogue). Immutable.
 *
 * @param time when it was announced, as the authority stated it (ISO 8601)
 */
public record Announcement(
        String id,
        String title,
        String time,
        String contest,
        OptionalLong coverageHundredthsPercent,
        OptionalLong coverageStations,
        OptionalLong stationsTotal,
        OptionalLong registered,
        OptionalLong registeredCounted,
        OptionalLong ballots,
        OptionalLong valid,
        OptionalLong nulls,
        Map<String, Long> candidates,
        OptionalLong others) {
    public Announcement {
        Ids.require(id, "announcement id");
        Ids.require(contest, "contest id");
        candidates = java.util.Collections.unmodifiableMap(new TreeMap<>(candidates));
        if (coverageHundredthsPercent.isPresent()
                && (coverageHundredthsPercent.getAsLong() < 0 || coverageHundredthsPercent.getAsLong() > 10_000)) {
            throw new IllegalArgumentException("coverage percent must be between 0 and 100");
        }
        if (title == null || time == null) throw new IllegalArgumentException("title and time are required");
    }

    /** The claimed coverage as a fraction of {@code stationsTotal}, if any was claimed. */
    public Optional<Double> coverageFraction(long stationsTotal) {
        if (coverageHundredthsPercent.isPresent()) return Optional.of(coverageHundredthsPercent.getAsLong() / 10_000.0);
        if (coverageStations.isPresent() && stationsTotal > 0)
            return Optional.of(Math.min(1.0, coverageStations.getAsLong() / (double) stationsTotal));
        return Optional.empty();
    }
}
