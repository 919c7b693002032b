package org.veritally.server.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.server.auth.Accounts;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.store.Tx;
import org.veritally.translog.VerifierKey;

/**
 * Use case: register an account's Ed25519 public key. The key goes into the account (so intake
 * demands signatures from then on) and into the log as a {@code key} entry (so every verifier can
 * check those signatures), in one transaction. The entry must name an existing account with that
 * account's source (KEY-ACCOUNT, an account rule: accounts are not in the log); the rulebook then
 * demands a declared source (KEY-SOURCE) and a C2SP verifier key (KEY-FORMAT). Registering again
 * replaces the key and appends another entry. Thread-safe (the single writer's monitor).
 */
public final class RegisterKey {
    private final Store store;
    private final ElectionState state;
    private final LogAppender appender;
    private final Object writeLock;

    public RegisterKey(Store store, ElectionState state, LogAppender appender, Object writeLock) {
        this.store = store;
        this.state = state;
        this.appender = appender;
        this.writeLock = writeLock;
    }

    /**
     * Registers {@code key} for the account {@code accountId}, written in the log as by {@code admin}
     * (the command line's form); returns the log index of the key entry.
     *
     * @throws org.veritally.server.read.UsageProblem if there is no such account (AUTH-ACCOUNT) or the
     *     rulebook refuses the key
     */
    public long register(Accounts accounts, String accountId, VerifierKey key) {
        var account = accounts.find(accountId)
                .orElseThrow(() -> new org.veritally.server.read.UsageProblem(
                        org.veritally.server.auth.AuthRule.AUTH_ACCOUNT, "no account '" + accountId + "'"));
        EntryResult r = register(
                accounts,
                new KeyEntry(account.id(), account.source(), key.encode()),
                "admin",
                accountId,
                Optional.empty());
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

    EntryResult register(
            Accounts accounts,
            KeyEntry entry,
            String by,
            String where,
            Optional<Function<EntryResult, Consumer<Tx>>> alongside) {
        synchronized (writeLock) {
            state.requireElection();
            List<Problem> problems = new ArrayList<>();
            var account = accounts.find(entry.account());
            if (account.isEmpty()) {
                problems.add(new Problem(Rule.KEY_ACCOUNT, where + " account", "no account '" + entry.account() + "'"));
            } else if (!account.get().source().equals(entry.source())) {
                problems.add(new Problem(
                        Rule.KEY_ACCOUNT,
                        where + " source",
                        "account '" + entry.account() + "' submits as '"
                                + account.get().source() + "', not '" + entry.source() + "'"));
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
            }
            byte[] bytes = problems.isEmpty() ? state.codec().encode(entry) : new byte[0];
            org.veritally.core.rulebook.EntrySize.check(bytes, where).ifPresent(problems::add);
            if (!problems.isEmpty()) return EntryResult.rejected(problems).commitAlone(store, alongside);
            EntryResult recorded = new EntryResult(List.of(), idx, false);
            var appended = store.write(tx -> {
                var a = appender.append(tx, state, List.of(new LogAppender.NewEntry("key", bytes, by)));
                tx.updateAccount(entry.account(), "public_key", entry.verifierKey());
                alongside.ifPresent(x -> x.apply(recorded).accept(tx));
                return a;
            });
            appender.committed(state, appended);
            state.addKey(entry);
            return recorded;
        }
    }
}
