package org.veritally.server.http;

import java.util.Optional;
import org.veritally.server.auth.Account;
import org.veritally.server.auth.Accounts;
import org.veritally.server.auth.Role;

/**
 * Turns an {@code Authorization: Bearer <token>} header into an account: the data directory's
 * bootstrap token ({@code DATA/api-token}) is the administrator; every other token is looked up by
 * its hash among the accounts. Revoked accounts get nothing. Thread-safe.
 */
public final class Authenticator {
    public static final String ADMIN = "admin";
    private final WriteToken bootstrap;
    private final Accounts accounts;

    public Authenticator(WriteToken bootstrap, Accounts accounts) {
        this.bootstrap = bootstrap;
        this.accounts = accounts;
    }

    public Optional<Account> authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) return Optional.empty();
        if (bootstrap.accepts(authorization))
            return Optional.of(new Account(ADMIN, Role.ADMIN, "", Optional.empty(), false));
        return accounts.authenticate(authorization.substring(7).strip());
    }
}
