package org.veritally.server.auth;

import java.util.Optional;
import org.veritally.translog.VerifierKey;

/**
 * A user of the write API: its role, the source it submits as, and optionally the Ed25519 key
 * (C2SP signed-note verifier key) whose signature every one of its submissions must carry.
 * Immutable; the token is never held here, only its hash in the store.
 */
public record Account(String id, Role role, String source, Optional<VerifierKey> publicKey, boolean revoked) {}
