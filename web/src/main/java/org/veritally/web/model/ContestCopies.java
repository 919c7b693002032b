package org.veritally.web.model;

import java.util.List;
import org.veritally.core.reconcile.StationStatus;

/**
 * The copies of one station's sheet for one contest, side by side: their status, one column per
 * copy, one row per field, and the declared sources that sent no copy.
 */
public record ContestCopies(
    String contestId, String contestName, StationStatus status, List<SheetCopy> copies, List<FieldRow> rows, List<String> missingSources) {
  public ContestCopies {
    copies = List.copyOf(copies);
    rows = List.copyOf(rows);
    missingSources = List.copyOf(missingSources);
  }
}
