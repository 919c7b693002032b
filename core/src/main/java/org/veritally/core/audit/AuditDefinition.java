package org.veritally.core.audit;

import java.util.Objects;

/**
 * Defines a risk-limiting audit before its seed is known (AUD-DEFINE): the contest and the view whose outcome
 * it checks (normally {@code official}), the risk limit alpha as a decimal in (0, 1), the method, the most
 * rounds before a full hand count, and the commitment to the seed: the lowercase hex SHA-256 of the seed's
 * UTF-8 bytes. The seed itself (for example dice rolled in public by two observers) comes later in a {@link
 * SeedReveal}, so nobody who wrote the sheets could choose the sample. Immutable.
 *
 * @param audit the audit's id, unique in the log
 * @param contest the contest's id
 * @param view the view's name: {@code official} or a source's id
 * @param riskLimit alpha, a decimal such as {@code 0.05}
 * @param method the method
 * @param maxRounds rounds before the audit goes to a full hand count, at least 1
 * @param seedCommitment SHA-256 of the seed, 64 lowercase hex digits
 * @param time when the server wrote it (RFC 3339, UTC)
 * @param strata MACRO only: the units (jurisdictions) that stratify the sample, each station in the stratum of
 *     the listed unit above it; empty for one sample over the whole contest (docs/audit.md, "Stratified
 *     sampling"). Copied; in the order given, which is the order of the strata's draws.
 */
public record AuditDefinition(
        String audit,
        String contest,
        String view,
        String riskLimit,
        AuditMethod method,
        int maxRounds,
        String seedCommitment,
        String time,
        java.util.List<String> strata)
        implements AuditRecord {

    /** An audit drawn over the whole contest, with no strata. */
    public AuditDefinition(
            String audit,
            String contest,
            String view,
            String riskLimit,
            AuditMethod method,
            int maxRounds,
            String seedCommitment,
            String time) {
        this(audit, contest, view, riskLimit, method, maxRounds, seedCommitment, time, java.util.List.of());
    }

    public AuditDefinition {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(contest, "contest");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(riskLimit, "riskLimit");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(seedCommitment, "seedCommitment");
        Objects.requireNonNull(time, "time");
        strata = java.util.List.copyOf(strata);
    }

    /** Whether the sample is drawn per stratum. */
    public boolean stratified() {
        return !strata.isEmpty();
    }

    @Override
    public String kind() {
        return "audit";
    }

    /** alpha as a number; AUD-DEFINE refuses a definition where this is not in (0, 1). */
    public double alpha() {
        try {
            return Double.parseDouble(riskLimit);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
