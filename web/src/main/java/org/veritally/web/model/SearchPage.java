package org.veritally.web.model;

import java.util.List;

/**
 * Search results for a query: matching units (centres, municipalities...) and stations, each with
 * the path of units above it; {@code truncated} when more matched than are shown.
 */
public record SearchPage(ElectionInfo election, String query, List<Hit> units, List<Hit> stations, boolean truncated) {
    public SearchPage {
        units = List.copyOf(units);
        stations = List.copyOf(stations);
    }

    /** One match: its id, name, a description (level, or the unit a station is in) and where it lies. */
    public record Hit(String id, String name, String detail, String path) {}
}
