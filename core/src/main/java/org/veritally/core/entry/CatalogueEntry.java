package org.veritally.core.entry;

import java.util.List;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;

/**
 * Declares a chunk of the catalogue: units (parents before children) and stations. A catalogue is
 * split into chunks so that each entry stays under the 64 KiB limit of a tlog-tiles entry bundle.
 */
public record CatalogueEntry(List<Unit> units, List<Station> stations) implements Entry {
    public CatalogueEntry {
        units = List.copyOf(units);
        stations = List.copyOf(stations);
    }

    public String kind() {
        return "catalogue";
    }

    @Override
    public <R> R accept(EntryVisitor<R> v) {
        return v.catalogue(this);
    }
}
