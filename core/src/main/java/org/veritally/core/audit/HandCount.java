package org.veritally.core.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An audit board's hand count of one station for an audit (AUD-COUNT), entered by an account with the role
 * {@code auditor}. For a MACRO audit, {@code counts} holds the votes for every choice of the contest counted
 * from the station's paper; for a BRAVO audit, {@code ballots} holds, for each drawn ballot position of the
 * station, the choice it shows ({@code ""} for none). A later hand count of the same station and round
 * replaces the earlier one only as a new entry: the log keeps both. Immutable.
 *
 * @param audit the audit's id
 * @param round the round the count belongs to, from 1
 * @param station the station's id
 * @param counts MACRO: votes per choice id (copied, sorted)
 * @param ballots BRAVO: the choice id shown by each drawn ballot position (copied, sorted)
 * @param board who counted: the audit board's members and observers, as they sign the paper tally form
 * @param time when the server wrote it (RFC 3339, UTC)
 */
public record HandCount(
        String audit,
        int round,
        String station,
        Map<String, Long> counts,
        Map<Long, String> ballots,
        String board,
        String time)
        implements AuditRecord {

    public HandCount {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(time, "time");
        counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
        ballots = java.util.Collections.unmodifiableMap(new TreeMap<>(ballots));
    }

    @Override
    public String kind() {
        return "audit-count";
    }
}
