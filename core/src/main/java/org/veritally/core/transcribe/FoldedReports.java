package org.veritally.core.transcribe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reports on one photo since it was last returned, folded (docs/transcription.md#reports-on-photos):
 * how many distinct accounts reported it, how many gave each reason, and the distinct texts of "other"
 * reports, with the photo's status (REPORTED when they took it out of the queue) and the first report's
 * index. Immutable.
 */
public record FoldedReports(
        PhotoKey photo,
        PhotoStatus status,
        int accounts,
        Map<ReportReason, Integer> byReason,
        List<String> texts,
        long firstIndex) {
    public FoldedReports {
        byReason = Map.copyOf(byReason);
        texts = List.copyOf(texts);
    }

    /** Every photo of {@code book} with reports, oldest first report first. */
    public static List<FoldedReports> of(TranscriptionBook book) {
        List<FoldedReports> out = new ArrayList<>();
        book.reported().forEach((key, reports) -> {
            if (reports.isEmpty()) return;
            Map<ReportReason, Integer> by = new EnumMap<>(ReportReason.class);
            Set<String> accounts = new LinkedHashSet<>();
            Set<String> texts = new LinkedHashSet<>();
            for (PhotoReport r : reports) {
                if (!accounts.add(r.account())) continue; // once per account
                by.merge(r.reason(), 1, Integer::sum);
                if (!r.text().isEmpty()) texts.add(r.text());
            }
            PhotoStatus status = book.photo(key).map(PhotoWork::status).orElse(PhotoStatus.OPEN);
            out.add(new FoldedReports(
                    key,
                    status,
                    accounts.size(),
                    by,
                    new ArrayList<>(texts),
                    reports.get(0).index()));
        });
        out.sort(Comparator.comparingLong(FoldedReports::firstIndex));
        return out;
    }
}
