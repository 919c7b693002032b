package org.veritally.web.model;

import java.util.List;

/**
 * One disputed station × contest in the discrepancies list: where it is, every source's copy (as
 * column headers), and only the fields on which two copies differ, with each copy's value.
 */
public record DisputedStation(
        String stationId,
        String stationName,
        String unitName,
        String contestId,
        String contestName,
        List<SheetCopy> copies,
        List<FieldRow> differing) {
    public DisputedStation {
        copies = List.copyOf(copies);
        differing = List.copyOf(differing);
    }
}
