package org.veritally.web.model;

import java.util.List;
import org.veritally.core.reconcile.StationStatus;

/**
 * The copies of one station's sheet for one contest, side by side: their status, one column per
 * copy, one row per field, the declared sources that sent no copy, and the history of every copy
 * that was corrected (all its versions, oldest first; empty when no copy was ever corrected).
 */
public record ContestCopies(
        String contestId,
        String contestName,
        StationStatus status,
        List<SheetCopy> copies,
        List<FieldRow> rows,
        List<String> missingSources,
        List<SheetVersion> history) {
    public ContestCopies {
        copies = List.copyOf(copies);
        rows = List.copyOf(rows);
        missingSources = List.copyOf(missingSources);
        history = List.copyOf(history);
    }
}
