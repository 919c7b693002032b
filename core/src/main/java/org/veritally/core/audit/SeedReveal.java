package org.veritally.core.audit;

import java.util.Objects;

/**
 * Reveals an audit's seed (AUD-SEED): its SHA-256 must be the definition's commitment, and it comes once. From
 * this entry on, anyone can draw the sample ({@code org.veritally.core.audit.risk.AuditSampler}). Immutable.
 *
 * @param audit the audit's id
 * @param seed the seed text, for example the dice as rolled: {@code "3 1 4 1 5 9 2 6 5 3 5 8 9 7 9 3 2 3 8 4"}
 * @param time when the server wrote it (RFC 3339, UTC)
 */
public record SeedReveal(String audit, String seed, String time) implements AuditRecord {
    public SeedReveal {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(time, "time");
    }

    @Override
    public String kind() {
        return "audit-seed";
    }
}
