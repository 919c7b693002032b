package org.veritally.web.model;

import java.util.List;
import org.veritally.formats.timeline.Timeline;

/**
 * The reporting timeline page of one unit × contest × view (docs/timeline.md): the trail of units
 * above it, the contests and views to choose from (no consensus: it has no timeline), the contest's
 * name, each source's name in declaration order (as {@link Timeline#sources()}), and the timeline.
 */
public record TimelinePage(
        ElectionInfo election,
        List<Crumb> ancestry,
        Crumb unit,
        List<Option> contests,
        List<Option> views,
        String contestName,
        List<String> sourceNames,
        Timeline timeline) {
    public TimelinePage {
        ancestry = List.copyOf(ancestry);
        contests = List.copyOf(contests);
        views = List.copyOf(views);
        sourceNames = List.copyOf(sourceNames);
    }
}
