package org.veritally.web.model;

import java.util.List;

/**
 * The election overview: every contest's national result in one view, the top-level units to
 * explore, and the state of the log (size; its last signed checkpoint once checkpoints exist).
 */
public record OverviewPage(
        ElectionInfo election,
        List<Option> views,
        String view,
        List<ResultSummary> contests,
        String childLevel,
        List<ChildRow> regions,
        LogStatus log) {
    public OverviewPage {
        views = List.copyOf(views);
        contests = List.copyOf(contests);
        regions = List.copyOf(regions);
    }
}
