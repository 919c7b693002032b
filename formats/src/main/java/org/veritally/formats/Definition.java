package org.veritally.formats;

import java.util.List;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;

/**
 * Everything that defines an election before the first sheet: the election itself, the catalogue
 * (units with parents before children, then stations) and the declared sources. Immutable.
 */
public record Definition(Election election, List<Unit> units, List<Station> stations, List<Source> sources) {
    public Definition {
        units = List.copyOf(units);
        stations = List.copyOf(stations);
        sources = List.copyOf(sources);
    }
}
