package org.veritally.web.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A photo's reports, folded (docs/transcription.md#reports-on-photos): one item per photo with how many
 * accounts reported it, how many gave each reason (wire form, in the reasons' order) and the distinct texts,
 * its status ({@code reported} when the reports took it out of the queue) and its public copy. Immutable.
 */
public record ReportedPhoto(
        String photo,
        String station,
        String source,
        String status,
        Optional<String> image,
        int accounts,
        Map<String, Integer> reasons,
        List<String> texts) {
    public ReportedPhoto {
        reasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reasons));
        texts = List.copyOf(texts);
    }
}
