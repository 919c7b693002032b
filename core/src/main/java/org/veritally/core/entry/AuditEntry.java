package org.veritally.core.entry;

import java.util.Objects;
import java.util.Optional;
import org.veritally.core.audit.AuditRecord;

/**
 * A risk-limiting audit record in the log (issue 19): a definition ({@code audit}), the seed's reveal ({@code
 * audit-seed}) or a hand count ({@code audit-count}); see {@link AuditRecord} and docs/log-format.md §1.10. One
 * entry type for the three, so that consumers dispatch once and look at the record. Immutable.
 */
public record AuditEntry(AuditRecord record) implements Entry {
    public AuditEntry {
        Objects.requireNonNull(record, "record");
    }

    /** The entry as an audit record, if it is one: for readers outside core that look only at audits. */
    public static Optional<AuditEntry> of(Entry e) {
        return e instanceof AuditEntry a ? Optional.of(a) : Optional.empty();
    }

    @Override
    public String kind() {
        return record.kind();
    }

    @Override
    public <R> R accept(EntryVisitor<R> v) {
        return v.audit(this);
    }
}
