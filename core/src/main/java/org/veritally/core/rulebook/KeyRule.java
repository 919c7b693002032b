package org.veritally.core.rulebook;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * The rules of a source's keys over time (docs/log-format.md §5.5–§5.8, docs/accounts.md): a live key
 * is replaced only with its source's consent, and a lost key is revoked in public with a cooling-off
 * period before an unendorsed key counts. Decided by the {@link Rulebook}, so {@code verify} re-checks
 * them. The registration rules that need no history (KEY-FORMAT, KEY-SOURCE, KEY-ACCOUNT) and a
 * signature by a revoked key (AUTH-SIG) are core's {@link org.veritally.core.validation.Rule}.
 *
 * <p>IDs are stable, unique across every {@link RuleId} family, listed in docs/validation.md and never
 * reused once retired. Immutable and thread-safe (an enum).
 */
public enum KeyRule implements RuleId {
    /**
     * A new key for a source that has a live key carries no endorsement, or its endorsement is not by a
     * live key of the same source, or does not verify.
     */
    KEY_ROTATE(
            "KEY-ROTATE",
            "a new key of a source that has a live key is not endorsed by a live key of that source, or the "
                    + "endorsement does not verify"),
    /**
     * An unendorsed key of a source whose keys were all revoked comes before the revocation's time plus
     * the election's cooling-off period, or has no time.
     */
    KEY_COOL(
            "KEY-COOL",
            "an unendorsed key of a source whose keys were revoked comes before the cooling-off period ends"),
    /** A revocation names an account with no live key, or a source other than that key's. */
    KEY_REVOKE("KEY-REVOKE", "a revocation names an account with no live key, or a source other than its key's"),
    /**
     * A key or revocation time is not an RFC 3339 UTC time, or is earlier than the time of an earlier
     * key or revocation entry (the log's key times never go back).
     */
    KEY_TIME("KEY-TIME", "a key or revocation time is malformed, or earlier than an earlier key or revocation");

    private final String id;
    private final String description;

    KeyRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule refuses the entry. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return id;
    }
}
