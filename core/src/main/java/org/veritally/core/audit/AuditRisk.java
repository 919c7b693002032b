package org.veritally.core.audit;

import java.util.Objects;

/**
 * The risk measured after a round of an audit and what it decides (AUD-ROUND), written after the round's hand
 * counts. It is a claim anyone can check: the rulebook (sequencer, rebuild, followers, {@code verify}) recomputes the
 * round's draws, risk and decision from the seed, the reported sheets and the hand counts that come before this
 * entry in the log, and refuses the entry unless they agree (AUD-ROUND). Immutable.
 *
 * @param audit the audit's id
 * @param round the round, from 1, one after the last recorded round
 * @param draws the cumulative draws of the round
 * @param risk the measured risk, a decimal with six digits after the point, in [0, 1]
 * @param decision {@code confirmed}, {@code next-round} or {@code full-hand-count}
 * @param time when the server wrote it (RFC 3339, UTC)
 */
public record AuditRisk(String audit, int round, long draws, String risk, String decision, String time)
        implements AuditRecord {

    /** The decisions a round can record. */
    public static final java.util.List<String> DECISIONS =
            java.util.List.of("confirmed", "next-round", "full-hand-count");

    public AuditRisk {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(time, "time");
    }

    @Override
    public String kind() {
        return "audit-round";
    }

    /** {@code risk} written as the log writes it: six digits after the point, rounded half up. */
    public static String format(double risk) {
        return new java.math.BigDecimal(risk)
                .setScale(6, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }
}
