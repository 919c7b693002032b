package org.veritally.web.model;

import java.util.Optional;

/**
 * One source's copy of a sheet, as a column header: who sent it, where it sits in the log, whether
 * it is the copy the consensus view counts, and the link to an image of the paper sheet where the
 * source supplied one (never made up: empty when the data has none).
 */
public record SheetCopy(
        String sourceId, String sourceName, String kind, long logIndex, boolean consensus, Optional<String> evidence) {
    /** A copy that is not marked as counted in the consensus view and has no image. */
    public SheetCopy(String sourceId, String sourceName, String kind, long logIndex) {
        this(sourceId, sourceName, kind, logIndex, false, Optional.empty());
    }
}
