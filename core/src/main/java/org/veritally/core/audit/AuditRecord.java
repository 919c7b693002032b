package org.veritally.core.audit;

/**
 * One audit record of the log: a definition, the seed's reveal, a hand count or a round's risk, each naming its
 * audit. The
 * {@link #kind()} is the entry's {@code kind} member (docs/log-format.md §1.10).
 */
public sealed interface AuditRecord permits AuditDefinition, SeedReveal, HandCount, AuditRisk {
    /** The audit's id. */
    String audit();

    /** The {@code kind} member of the entry's JSON. */
    String kind();
}
