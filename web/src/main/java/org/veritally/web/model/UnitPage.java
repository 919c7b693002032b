package org.veritally.web.model;

import java.util.List;

/**
 * Everything a unit page shows: where the unit sits, its result for the chosen contest and view,
 * its children (sorted) with the parent's leading candidates as columns, and its own stations.
 */
public record UnitPage(
        ElectionInfo election,
        List<Crumb> ancestry,
        Crumb unit,
        List<Option> contests,
        List<Option> views,
        ResultSummary result,
        String childLevel,
        List<CandidateLine> columns,
        List<ChildRow> children,
        ChildSort sort,
        List<StationRow> stations) {
    public UnitPage {
        ancestry = List.copyOf(ancestry);
        contests = List.copyOf(contests);
        views = List.copyOf(views);
        columns = List.copyOf(columns);
        children = List.copyOf(children);
        stations = List.copyOf(stations);
    }
}
