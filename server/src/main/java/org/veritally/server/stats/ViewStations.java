package org.veritally.server.stats;

import java.util.List;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.StationCounts;

/**
 * The current sheets of one contest × view as the {@code stats} module reads them: one {@link
 * StationCounts} per station with a sheet in the view, votes per candidate (ballot lines of one candidate
 * added up), in catalogue order. Immutable.
 *
 * @param scope the contest and view
 * @param candidates the contest's candidates, in the contest's order
 * @param stations the stations with a sheet in the view
 * @param catalogueStations all stations of the catalogue (reporting or not)
 */
public record ViewStations(
        ViewScope scope, CandidateSet candidates, List<StationCounts> stations, long catalogueStations) {

    /** Copies the list. */
    public ViewStations {
        stations = List.copyOf(stations);
    }
}
