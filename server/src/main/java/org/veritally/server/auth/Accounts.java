package org.veritally.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Source;
import org.veritally.server.read.UsageProblem;
import org.veritally.store.AccountQueries;
import org.veritally.store.AccountQueries.AccountRow;
import org.veritally.store.Store;
import org.veritally.translog.Parsed;
import org.veritally.translog.VerifierKey;

/**
 * Accounts and their bearer tokens. A token is 32 random bytes (base64url), shown once at creation
 * and stored only as its SHA-256; lookups compare hashes, so a stolen database reveals no token.
 * Revoked accounts authenticate to nothing. An account's id is not one the log uses for other
 * writers ({@link #RESERVED}: AUTH-RESERVED), and its role fits its source's kind when the source is
 * declared (AUTH-KIND, {@link Authorization#binds}; checked again at every submission). Thread-safe.
 */
public final class Accounts {
    /**
     * Ids the log's {@code account} column gives writers that are not accounts: {@code admin}, the
     * bootstrap token ({@code DATA/api-token}), and {@code cli}, the command line.
     */
    public static final java.util.Set<String> RESERVED = java.util.Set.of("admin", "cli");

    private final Store store;
    private final AccountQueries accounts;
    private final java.util.function.Function<String, Optional<org.veritally.core.model.SourceKind>> kinds;

    /** Accounts whose sources' kinds are not known here (checked at submission only). */
    public Accounts(Store store) {
        this(store, id -> Optional.empty());
    }

    /** Accounts of a data directory; {@code kinds} gives a declared source's kind. */
    public Accounts(
            Store store, java.util.function.Function<String, Optional<org.veritally.core.model.SourceKind>> kinds) {
        this.store = store;
        this.accounts = new AccountQueries(store);
        this.kinds = kinds;
    }

    /** A created account and its token, which exists nowhere else. */
    public record Created(Account account, String token) {}

    /**
     * Creates an account with a fresh token. {@code key} must be empty: a key counts only through a
     * key entry in the log ({@code RegisterKey}), which every verifier replays.
     */
    public Created create(String id, Role role, String source, Optional<VerifierKey> key) {
        if (key.isPresent())
            throw new IllegalStateException("keys are registered through the log (RegisterKey), not with the account");
        if (!Source.validId(id)) {
            throw new UsageProblem(
                    org.veritally.core.validation.Rule.IN_ID,
                    "account id '" + id + "' is not a valid id (1-64 of A-Z a-z 0-9 . _ : -)");
        }
        if (RESERVED.contains(id))
            throw new UsageProblem(
                    AuthRule.AUTH_RESERVED,
                    "account id '" + id + "' is reserved: the log writes it for the "
                            + (id.equals("cli") ? "command line" : "bootstrap administrator token"));
        // an auditor's binding names an audit, not a source (AUD-BOARD)
        var kind = source.isEmpty() || role == Role.AUDITOR
                ? Optional.<org.veritally.core.model.SourceKind>empty()
                : kinds.apply(source);
        if (kind.isPresent() && !Authorization.binds(role, kind.get()))
            throw new UsageProblem(
                    AuthRule.AUTH_KIND,
                    "a " + role.wire() + " account cannot be bound to source '" + source + "', a "
                            + kind.get().wire() + " source");
        if (find(id).isPresent()) throw new UsageProblem(AuthRule.AUTH_ACCOUNT, "account '" + id + "' exists already");
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        store.write(tx -> {
            tx.putAccount(
                    id,
                    role.wire(),
                    source,
                    hash(token),
                    key.map(VerifierKey::encode).orElse(""),
                    System.currentTimeMillis());
            return null;
        });
        return new Created(new Account(id, role, source, key, false), token);
    }

    /** A new token for an existing account; the old one stops working at once. */
    public String rotate(String id) {
        require(id);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        store.write(tx -> {
            tx.updateAccount(id, "token_hash", hash(token));
            return null;
        });
        return token;
    }

    /**
     * Binds auditor account {@code id} to audit {@code audit} instead of the audit it was bound to (AUD-BOARD): from
     * the next request on, its token records hand counts for {@code audit} only. The caller checks that the audit
     * is defined (the accounts know no log).
     *
     * @throws UsageProblem if there is no such account, or it is not an auditor, or {@code audit} is not an id
     */
    public void bindAudit(String id, String audit) {
        Account a = find(id).orElseThrow(() -> new UsageProblem(AuthRule.AUTH_ACCOUNT, "no account '" + id + "'"));
        if (a.role() != Role.AUDITOR)
            throw new UsageProblem(
                    AuthRule.AUD_BOARD, "account '" + id + "' is a " + a.role().wire() + ": only an auditor is bound");
        if (!org.veritally.core.model.Ids.valid(audit))
            throw new UsageProblem(org.veritally.core.validation.Rule.IN_ID, "audit id '" + audit + "' is not an id");
        store.write(tx -> {
            tx.updateAccount(id, "source", audit);
            return null;
        });
    }

    public void revoke(String id) {
        require(id);
        store.write(tx -> {
            tx.updateAccount(id, "revoked_ms", System.currentTimeMillis());
            return null;
        });
    }

    private void require(String id) {
        if (find(id).isEmpty()) throw new UsageProblem(AuthRule.AUTH_ACCOUNT, "no account '" + id + "'");
    }

    /** The account whose token this is, unless revoked. */
    public Optional<Account> authenticate(String token) {
        return accounts.byTokenHash(hash(token)).map(Accounts::account).filter(a -> !a.revoked());
    }

    public Optional<Account> find(String id) {
        return accounts.byId(id).map(Accounts::account);
    }

    public List<Account> all() {
        return accounts.all().stream().map(Accounts::account).toList();
    }

    private static Account account(AccountRow r) {
        String key = r.publicKey();
        Optional<VerifierKey> k = key.isEmpty()
                ? Optional.empty()
                : VerifierKey.parse(key) instanceof Parsed.Ok<VerifierKey> ok
                        ? Optional.of(ok.value())
                        : Optional.empty();
        return new Account(r.id(), Role.ofWire(r.role()), r.source(), k, r.revokedMs() != 0);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
