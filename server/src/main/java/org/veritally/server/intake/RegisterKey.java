package org.veritally.server.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.RevocationEntry;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.rulebook.KeyRing;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.server.auth.Accounts;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.store.Tx;
import org.veritally.translog.VerifierKey;

/**
 * Use case: register an account's Ed25519 public key, or revoke it. The key goes into the account (so
 * intake demands signatures from then on) and into the log as a {@code key} entry (so every verifier
 * can check those signatures), in one transaction; a revocation clears the account's key and appends a
 * {@code revocation} entry. The entry must name an existing account with that account's source, or no source
 * for an account bound to none (an account key: {@link org.veritally.server.auth.Account#keySource()};
 * KEY-ACCOUNT, an account rule: accounts are not in the log); the rulebook then decides the rest
 * (KEY-SOURCE, KEY-FORMAT, KEY-ROTATE, KEY-COOL, KEY-REVOKE, KEY-TIME). Every revocation, and an
 * unendorsed key of a source (or account) whose keys were revoked, is stamped with this process's clock (whole
 * seconds, UTC) if it carries no time (a source's first key needs none, so the log stays as before). The
 * account's live key registered again is answered idempotently. Thread-safe (the single writer's
 * monitor).
 */
public final class RegisterKey {
    private final Store store;
    private final ElectionState state;
    private final LogAppender appender;
    private final Object writeLock;
    private final Clock clock;

    public RegisterKey(Store store, ElectionState state, LogAppender appender, Object writeLock) {
        this(store, state, appender, writeLock, Clock.systemUTC());
    }

    /** As above, with the clock that stamps key and revocation times. */
    public RegisterKey(Store store, ElectionState state, LogAppender appender, Object writeLock, Clock clock) {
        this.store = store;
        this.state = state;
        this.appender = appender;
        this.writeLock = writeLock;
        this.clock = clock;
    }

    /**
     * Registers {@code key} for the account {@code accountId}, written in the log as by {@code admin}
     * (the command line's form); returns the log index of the key entry.
     *
     * @throws org.veritally.server.read.UsageProblem if there is no such account (AUTH-ACCOUNT) or the
     *     rulebook refuses the key
     */
    public long register(Accounts accounts, String accountId, VerifierKey key) {
        var account = require(accounts, accountId);
        return orThrow(register(
                accounts,
                new KeyEntry(account.id(), account.keySource(), key.encode()),
                "admin",
                accountId,
                Optional.empty()));
    }

    /**
     * Revokes the live key of {@code accountId}, written in the log as by {@code admin} (the command
     * line's form); returns the log index of the revocation entry.
     *
     * @throws org.veritally.server.read.UsageProblem if there is no such account or the rulebook refuses
     */
    public long revoke(Accounts accounts, String accountId, String reason) {
        var account = require(accounts, accountId);
        return orThrow(revoke(
                accounts,
                new RevocationEntry(account.id(), account.keySource(), "", reason),
                "admin",
                accountId,
                Optional.empty()));
    }

    private static org.veritally.server.auth.Account require(Accounts accounts, String accountId) {
        return accounts.find(accountId)
                .orElseThrow(() -> new org.veritally.server.read.UsageProblem(
                        org.veritally.server.auth.AuthRule.AUTH_ACCOUNT, "no account '" + accountId + "'"));
    }

    private static long orThrow(EntryResult r) {
        if (!r.problems().isEmpty())
            throw new org.veritally.server.read.UsageProblem(
                    r.problems().get(0).rule(), r.problems().get(0).toString());
        return r.index();
    }

    /**
     * Registers the key {@code entry} carries for its account, as written by the account {@code by}; problems are
     * located under {@code where}.
     */
    public EntryResult register(Accounts accounts, KeyEntry entry, String by, String where) {
        return register(accounts, entry, by, where, Optional.empty());
    }

    /**
     * As {@link #register(Accounts, KeyEntry, String, String)}, and commits the writes {@code
     * alongside} derives from the result in the transaction that appends the entry (in one of their
     * own when it is rejected).
     */
    public EntryResult register(
            Accounts accounts, KeyEntry entry, String by, String where, Function<EntryResult, Consumer<Tx>> alongside) {
        return register(accounts, entry, by, where, Optional.of(alongside));
    }

    /**
     * Records {@code entry} (stamped with this process's time when it needs one: an unendorsed key of a
     * source whose keys were revoked) as written by {@code by}.
     */
    EntryResult register(
            Accounts accounts,
            KeyEntry entry,
            String by,
            String where,
            Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
        synchronized (writeLock) {
            KeyEntry k = entry.endorsement().isEmpty()
                            && entry.time().isEmpty()
                            && (entry.ofAccount()
                                    ? state.keys()
                                            .lastAccountRevocation(entry.account())
                                            .isPresent()
                                    : state.keys()
                                                    .lastRevocation(entry.source())
                                                    .isPresent()
                                            || state.keys()
                                                    .lastAccountRevocation(entry.account())
                                                    .isPresent())
                    ? entry.at(now())
                    : entry;
            return record(
                    accounts,
                    new Change(k, k.account(), k.source(), k.verifierKey(), i -> state.addKey(i, k)),
                    by,
                    where,
                    alongside);
        }
    }

    /** Records revocation {@code entry} (stamped with this process's time if it has none) as written by {@code by}. */
    EntryResult revoke(
            Accounts accounts,
            RevocationEntry entry,
            String by,
            String where,
            Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
        synchronized (writeLock) {
            RevocationEntry r = entry.time().isEmpty()
                    ? new RevocationEntry(entry.account(), entry.source(), now(), entry.reason())
                    : entry;
            return record(
                    accounts,
                    new Change(r, r.account(), r.source(), "", i -> state.revokeKey(i, r)),
                    by,
                    where,
                    alongside);
        }
    }

    private String now() {
        return KeyRing.format(clock.instant());
    }

    /** A key or revocation entry, what it changes in the account ({@code publicKey}), and in the state. */
    private record Change(
            Entry entry, String account, String source, String publicKey, java.util.function.LongConsumer apply) {}

    private EntryResult record(
            Accounts accounts,
            Change change,
            String by,
            String where,
            Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
        state.requireElection();
        Entry entry = change.entry();
        List<Problem> problems = new ArrayList<>();
        var found = accounts.find(change.account());
        if (found.isEmpty()) {
            problems.add(new Problem(Rule.KEY_ACCOUNT, where + " account", "no account '" + change.account() + "'"));
        } else if (!found.get().keySource().equals(change.source())) {
            problems.add(new Problem(
                    Rule.KEY_ACCOUNT,
                    where + " source",
                    found.get().keySource().isEmpty()
                            ? "account '" + change.account() + "' is bound to no source: its key is an account key"
                            : "account '" + change.account() + "' submits as '"
                                    + found.get().keySource() + "', not '"
                                    + change.source() + "'"));
        }
        long idx = state.logSize();
        if (problems.isEmpty()) {
            Decision d = state.rulebook()
                    .decide(
                            new StateLedger(state, i -> {
                                throw new IllegalStateException("a key entry reads no sheet");
                            }),
                            idx,
                            entry,
                            where);
            if (d instanceof Decision.Refuse r) problems.addAll(r.problems());
            if (d instanceof Decision.Repeat r)
                return new EntryResult(List.of(), r.index(), true).commitAlone(store, alongside);
        }
        byte[] bytes = problems.isEmpty() ? state.codec().encode(entry) : new byte[0];
        org.veritally.core.rulebook.EntrySize.check(bytes, where).ifPresent(problems::add);
        if (!problems.isEmpty()) return EntryResult.rejected(problems).commitAlone(store, alongside);
        EntryResult recorded = new EntryResult(List.of(), idx, false);
        var appended = store.write(tx -> {
            var a = appender.append(tx, state, List.of(new LogAppender.NewEntry(entry.kind(), bytes, by)));
            tx.updateAccount(change.account(), "public_key", change.publicKey());
            alongside.ifPresent(x -> x.apply(recorded).accept(tx));
            return a;
        });
        appender.committed(state, appended);
        change.apply().accept(idx);
        return recorded;
    }
}
