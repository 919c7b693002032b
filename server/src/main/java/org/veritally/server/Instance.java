package org.veritally.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.veritally.server.intake.DefineElection;
import org.veritally.server.intake.LogAppender;
import org.veritally.server.intake.RebuildProjections;
import org.veritally.server.intake.Sequencer;
import org.veritally.server.read.ReadResults;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.store.StoreException;
import org.veritally.store.StoreHashReader;

/**
 * One open data directory, wired: the SQLite store, the in-memory state loaded from its
 * projections, the sequencer and the read side. The data directory holds {@code veritally.db}
 * (the log and projections), {@code keys/} and {@code evidence/}. Not thread-safe to open or close;
 * the use cases it hands out document their own thread-safety.
 */
public final class Instance implements AutoCloseable {
  public static final String DB_FILE = "veritally.db";
  private final Path dir;
  private final Store store;
  private volatile ElectionState state;
  private volatile Sequencer sequencer;
  private volatile DefineElection define;
  private volatile ReadResults results;
  private volatile org.veritally.server.intake.GroupCommit groupCommit;
  private final LogAppender appender;
  private final org.veritally.server.log.LogKeys keys;

  private Instance(Path dir, Store store) {
    this.dir = dir;
    this.store = store;
    this.keys = org.veritally.server.log.LogKeys.loadOrCreate(dir);
    this.appender = new LogAppender(System::currentTimeMillis, keys.signer());
    wire(ElectionState.load(store, new StoreHashReader(store)));
  }

  private void wire(ElectionState s) {
    if (groupCommit != null) {
      groupCommit.close();
      groupCommit = null;
    }
    this.state = s;
    this.sequencer = new Sequencer(store, s, appender);
    this.define = new DefineElection(store, s, appender, sequencer);
    this.results = new ReadResults(s);
  }

  /** Opens the data directory, creating it (and an empty database) if needed. */
  public static Instance open(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
    return new Instance(dir, Store.openSqlite(dir.resolve(DB_FILE)));
  }

  public Path dir() {
    return dir;
  }

  public org.veritally.server.log.LogKeys keys() {
    return keys;
  }

  public Store store() {
    return store;
  }

  public ElectionState state() {
    return state;
  }

  public Sequencer sequencer() {
    return sequencer;
  }

  /** The group-commit front of the sequencer, for online submissions (started on first use). */
  public synchronized org.veritally.server.intake.GroupCommit groupCommit() {
    if (groupCommit == null) groupCommit = new org.veritally.server.intake.GroupCommit(sequencer);
    return groupCommit;
  }

  public org.veritally.server.intake.RecordAnnouncement announcements() {
    return new org.veritally.server.intake.RecordAnnouncement(store, state, appender, sequencer);
  }

  public org.veritally.server.intake.RegisterKey keyRegistry() {
    return new org.veritally.server.intake.RegisterKey(store, state, appender, sequencer);
  }

  public org.veritally.server.auth.Accounts accounts() {
    return new org.veritally.server.auth.Accounts(store);
  }

  public DefineElection define() {
    return define;
  }

  public ReadResults results() {
    return results;
  }

  /** Recomputes every projection from the log and reloads the in-memory state from them. */
  public synchronized void rebuild() {
    wire(new ElectionState()); // let the old state go first: a rebuild holds a second one while it runs
    RebuildProjections.rebuild(store);
    wire(ElectionState.load(store, new StoreHashReader(store)));
  }

  @Override
  public synchronized void close() {
    if (groupCommit != null) groupCommit.close();
    store.close();
  }
}
