package org.veritally.server.auth;

import org.veritally.core.validation.RuleId;
import org.veritally.core.validation.Severity;

/**
 * Refusals of a write for who sent it (docs/accounts.md). A sheet's signature is core's {@link
 * org.veritally.core.validation.Rule#AUTH_SIG}.
 *
 * <p>IDs are stable, unique across every {@link org.veritally.core.validation.RuleId} family, listed in
 * docs/validation.md and never reused once retired. Immutable and thread-safe (an enum).
 */
public enum AuthRule implements RuleId {
    /** No bearer token, a wrong one, or one of a revoked account (HTTP 401). */
    AUTH_TOKEN("AUTH-TOKEN", "no bearer token, a wrong one, or one of a revoked account (HTTP 401)"),
    /** The account's role may not do this (HTTP 403). */
    AUTH_ROLE("AUTH-ROLE", "the account's role may not do this (HTTP 403)"),
    /** An account command names an account that does not exist, or creates one whose id is taken. */
    AUTH_ACCOUNT("AUTH-ACCOUNT", "an account command names an account that does not exist, or one whose id is taken"),
    /**
     * An account's role does not fit its source's kind: a witness is bound only to a party (witness)
     * source, an observer to an observer source, an authority account to the authority's source.
     */
    AUTH_KIND(
            "AUTH-KIND",
            "an account's role does not fit its source's kind (witness: a party source, observer: an observer "
                    + "source, authority: the authority's)"),
    /** An account id the log uses for writers that are not accounts ({@link Accounts#RESERVED}). */
    AUTH_RESERVED(
            "AUTH-RESERVED",
            "an account id is reserved for the bootstrap administrator token or the command line (admin, cli)"),
    /**
     * An {@code auditor} account records a hand count for an audit it is not bound to (HTTP 403): an audit board's
     * account is bound to one audit when it is created ({@code accounts add --role auditor --audit ID}, kept as
     * the account's binding) and may be bound to another later ({@code accounts bind}), and an auditor bound to
     * none records nothing (docs/audit.md).
     */
    AUD_BOARD(
            "AUD-BOARD",
            "an auditor account records a hand count for an audit it is not bound to, or is bound to none (HTTP 403)");

    private final String id;
    private final String description;

    AuthRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    /** Every such rule refuses the request or the publication. */
    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return description;
    }

    /** The ID, as messages print it. */
    @Override
    public String toString() {
        return id;
    }
}
