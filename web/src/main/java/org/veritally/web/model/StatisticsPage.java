package org.veritally.web.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.server.stats.ViewForensics;
import org.veritally.server.stats.ViewIrreversibility;
import org.veritally.server.stats.ViewQuickCount;

/**
 * The statistics of one contest in one view (issue 6): the forensic checks over every station with
 * a sheet in the view (empty while the view has none), the irreversibility of the count so far,
 * a quick count when the reader asked for one, and the contest's announcements to hold against it. The results are the
 * {@code stats} module's own
 * immutable records, each carrying its rule, seed and thresholds; {@code names} maps candidate ids
 * to names for display.
 */
public record StatisticsPage(
        ElectionInfo election,
        List<Option> contests,
        List<Option> views,
        String contestId,
        String contestName,
        String view,
        Map<String, String> names,
        Optional<ViewForensics> forensics,
        Optional<ViewIrreversibility> irreversibility,
        QuickCountRequest quickCount,
        List<AnnouncedShares> announced) {
    public StatisticsPage {
        contests = List.copyOf(contests);
        views = List.copyOf(views);
        names = Map.copyOf(names);
        announced = List.copyOf(announced);
    }

    /**
     * An announcement of this contest as the quick count compares it: each candidate's announced share
     * of the valid votes (the announced valid votes, else the announced counts added up), and {@code
     * ST-ROUND} on its counts.
     */
    public record AnnouncedShares(
            String id, String title, Map<String, Double> shares, Optional<AnnouncementReport.RoundCheck> round) {
        public AnnouncedShares {
            shares = Map.copyOf(shares);
        }
    }

    /** A candidate's name, or its id when the contest does not know it. */
    public String name(String candidateId) {
        return names.getOrDefault(candidateId, candidateId);
    }

    /**
     * The quick count the reader asked for with a seed and a sample size (as typed, so the form shows
     * them again), its result, or the message key of what was wrong with the request.
     */
    public record QuickCountRequest(
            String seed, String size, Optional<ViewQuickCount> result, Optional<String> problemKey) {
        public static QuickCountRequest none() {
            return new QuickCountRequest("", "", Optional.empty(), Optional.empty());
        }

        public boolean asked() {
            return !seed.isEmpty() || !size.isEmpty();
        }
    }
}
