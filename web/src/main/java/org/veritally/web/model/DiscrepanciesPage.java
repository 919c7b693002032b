package org.veritally.web.model;

import java.util.List;
import java.util.Optional;

/**
 * Every disputed station, filterable by place and source. {@code trail} is the chosen place and
 * the units above it (empty for the whole election); {@code places} are the units just below it
 * that hold listed stations, with how many; {@code sources} the source filter (value "" for all).
 * {@code stations} is complete unless {@code truncated}, in which case the counts per place are
 * lower bounds of what a narrower filter will show. {@code log} tells which entries have an
 * inclusion proof yet.
 */
public record DiscrepanciesPage(
        ElectionInfo election,
        DiscrepancySummary summary,
        List<Option> sources,
        Optional<String> source,
        List<Crumb> trail,
        List<DiscrepancySummary.Count> places,
        String placeLevel,
        List<DisputedStation> stations,
        boolean truncated,
        LogStatus log) {
    public DiscrepanciesPage {
        sources = List.copyOf(sources);
        trail = List.copyOf(trail);
        places = List.copyOf(places);
        stations = List.copyOf(stations);
    }

    /** The chosen place, if any. */
    public Optional<String> unit() {
        return trail.isEmpty()
                ? Optional.empty()
                : Optional.of(trail.get(trail.size() - 1).unitId());
    }
}
