package org.veritally.web.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One announcement of the authority as the announcements page shows it: what was announced (with
 * the coverage it claimed), its log entry, its verdicts in every view, whether its own figures make
 * the lead irreversible, and how round its shares are ({@code ST-ROUND}).
 *
 * @param coverageHundredths claimed coverage in hundredths of a percent (8000 = 80%)
 */
public record AnnouncementReport(
        long logIndex,
        String id,
        String title,
        String time,
        String contestId,
        String contestName,
        OptionalLong coverageHundredths,
        OptionalLong coverageStations,
        OptionalLong stationsTotal,
        List<ViewCheck> views,
        Optional<LeadCheck> lead,
        Optional<RoundCheck> round) {
    public AnnouncementReport {
        views = List.copyOf(views);
    }

    /** Whether any view contradicts any figure. */
    public boolean contradicted() {
        return views.stream().anyMatch(v -> v.contradicted() > 0);
    }

    /**
     * The announced lead against the voters the announcement itself leaves uncounted ({@code
     * ST-IRREV}): {@code unreported} is registered − registered in the counted sheets when it stated
     * both ({@code fromCounted}), else (1 − claimed coverage) × registered.
     */
    public record LeadCheck(
            String leader, String runnerUp, long margin, long unreported, boolean fromCounted, boolean irreversible) {}

    /** {@code ST-ROUND} on the announced counts: each one's roundest percentage, and the chance of all being round. */
    public record RoundCheck(long total, List<RoundLine> lines, boolean allRound, double chance, boolean flagged) {
        public RoundCheck {
            lines = List.copyOf(lines);
        }
    }

    /** One announced count: its label (a candidate's name, or "others" translated), count and share. */
    public record RoundLine(
            String label, boolean translated, long count, double exactPercent, Optional<String> roundPercent) {}
}
