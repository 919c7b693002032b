package org.veritally.server.auth;

import java.util.Optional;
import org.veritally.translog.VerifierKey;

/**
 * A user of the write API: its role, the source it submits as, and optionally the Ed25519 key
 * (C2SP signed-note verifier key) whose signature every one of its submissions must carry.
 * Immutable; the token is never held here, only its hash in the store.
 */
public record Account(String id, Role role, String source, Optional<VerifierKey> publicKey, boolean revoked) {
    /**
     * The audit an {@code auditor} account is bound to (AUD-BOARD): an audit board's account has no source, and its
     * binding names the audit instead; empty for every other role and for an auditor bound to none.
     */
    public Optional<String> audit() {
        return role == Role.AUDITOR && !source.isEmpty() ? Optional.of(source) : Optional.empty();
    }

    /**
     * The source its keys sign for: its source, or {@code ""} for an account bound to no source (a transcriber,
     * a moderator, an auditor, whose binding names an audit), whose key is an account key (docs/accounts.md,
     * {@link org.veritally.core.entry.KeyEntry#ofAccount()}).
     */
    public String keySource() {
        return role == Role.AUDITOR || role == Role.TRANSCRIBER || role == Role.MODERATOR ? "" : source;
    }

    /** Whether this account may record hand counts for {@code audit} (AUD-BOARD): an administrator, or its board. */
    public boolean mayCount(String audit) {
        return role == Role.ADMIN || audit().filter(audit::equals).isPresent();
    }
}
