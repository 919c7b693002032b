package org.veritally.formats.export;

import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.Unit;

/**
 * What an export describes, apart from the stations and sheets that are streamed: the election, the
 * units (parents before children) and the declared sources, read in the same database snapshot as
 * the rows, and the size of the log at that snapshot, so an export names the log state it reflects.
 * Immutable.
 *
 * @param logSize number of log entries when the snapshot was taken
 * @param firstSheetDay UTC day (ISO-8601) on which the log received its first sheet, if any
 */
public record ElectionSnapshot(
        Election election, List<Unit> units, List<Source> sources, long logSize, Optional<String> firstSheetDay) {
    public ElectionSnapshot {
        units = List.copyOf(units);
        sources = List.copyOf(sources);
        if (logSize < 0) throw new IllegalArgumentException("logSize < 0");
    }

    public Optional<Source> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
