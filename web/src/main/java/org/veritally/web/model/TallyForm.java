package org.veritally.web.model;

import java.util.List;
import org.veritally.core.model.Choice;
import org.veritally.server.intake.AuditStatus;

/**
 * A printable tally form for an audit board: the audit (its id and seed), the contest and its choices with an
 * empty box each (MACRO, or a full hand count) or the drawn ballot positions of the station with a box for the
 * choice each shows (BRAVO), the station, and room for the board's signatures. Immutable.
 *
 * @param election the election
 * @param audit where the audit stands
 * @param contestName the audited contest's name
 * @param choices the contest's choices, in the contest's order
 * @param station the station's id
 * @param stationName the station's name
 * @param unitName the name of the place the station belongs to
 * @param round the round being counted; 0 for a full hand count
 * @param ballots BRAVO: the drawn ballot positions of the station to find; empty: count every choice
 */
public record TallyForm(
        ElectionInfo election,
        AuditStatus audit,
        String contestName,
        List<Choice> choices,
        String station,
        String stationName,
        String unitName,
        int round,
        List<Long> ballots) {
    public TallyForm {
        choices = List.copyOf(choices);
        ballots = List.copyOf(ballots);
    }
}
