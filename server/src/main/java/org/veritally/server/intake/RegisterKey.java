package org.veritally.server.intake;

import java.util.List;
import org.veritally.core.entry.KeyEntry;
import org.veritally.server.auth.Accounts;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.translog.VerifierKey;

/**
 * Use case: register an account's Ed25519 public key. The key goes into the account (so intake
 * demands signatures from then on) and into the log as a {@code key} entry (so every verifier can
 * check those signatures). Thread-safe (the single writer's monitor).
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

  /** Returns the log index of the key entry. */
  public long register(Accounts accounts, String accountId, VerifierKey key) {
    var account = accounts.find(accountId).orElseThrow(() -> new IllegalArgumentException("no account '" + accountId + "'"));
    synchronized (writeLock) {
      state.requireElection();
      long idx = state.logSize();
      byte[] bytes = state.codec().encode(new KeyEntry(account.id(), account.source(), key.encode()));
      var appended = store.write(tx -> {
        var a = appender.append(tx, state, List.of(new LogAppender.NewEntry("key", bytes, "admin")));
        tx.updateAccount(account.id(), "public_key", key.encode());
        return a;
      });
      appender.committed(state, appended);
      return idx;
    }
  }
}
