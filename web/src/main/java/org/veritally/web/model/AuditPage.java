package org.veritally.web.model;

import java.util.List;
import java.util.Map;
import org.veritally.core.model.Choice;
import org.veritally.server.intake.AuditStatus;

/**
 * What the page of one risk-limiting audit shows (docs/audit.md): where the audit stands ({@link AuditStatus}: its
 * definition, seed, rounds with their risk and decision, the stations of the round being counted, and a full hand
 * count's result), the contest's name and choices, and the names of the stations listed. Immutable.
 *
 * @param election the election
 * @param audit where the audit stands
 * @param contestName the audited contest's name
 * @param choices the contest's choices, in the contest's order
 * @param stationNames the name of each station the page lists, by id
 * @param uncounted in a full hand count, the stations not yet counted (at most {@link #LISTED}), in catalogue order
 * @param uncountedTotal in a full hand count, how many stations are not yet counted
 */
public record AuditPage(
        ElectionInfo election,
        AuditStatus audit,
        String contestName,
        List<Choice> choices,
        Map<String, String> stationNames,
        List<String> uncounted,
        int uncountedTotal) {
    /** The most stations of a full hand count a page lists (the API lists every audit's stations). */
    public static final int LISTED = 200;

    public AuditPage {
        choices = List.copyOf(choices);
        stationNames = Map.copyOf(stationNames);
        uncounted = List.copyOf(uncounted);
    }

    /** The name of choice {@code id}, or the id when the contest has no such choice. */
    public String choiceName(String id) {
        return choices.stream()
                .filter(c -> c.id().equals(id))
                .map(Choice::name)
                .findFirst()
                .orElse(id);
    }
}
