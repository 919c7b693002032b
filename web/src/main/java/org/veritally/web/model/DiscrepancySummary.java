package org.veritally.web.model;

import java.util.List;

/**
 * How the sources' copies compare over the whole election, counted in station × contest pairs:
 * agreed, disputed, a single copy (per source) and missing, out of {@code pairs} (stations ×
 * contests). From the live counters, so it covers every station whatever the page lists.
 */
public record DiscrepancySummary(
        long agreed, long disputed, List<Count> single, long missing, long stations, int contests) {
    public DiscrepancySummary {
        single = List.copyOf(single);
    }

    public long pairs() {
        return stations * contests;
    }

    /** A number next to a name (a source, a place). */
    public record Count(String id, String name, long count) {}
}
