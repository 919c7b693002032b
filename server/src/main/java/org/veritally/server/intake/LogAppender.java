package org.veritally.server.intake;

import java.util.ArrayList;
import java.util.List;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Tx;
import org.veritally.translog.AppendResult;
import org.veritally.translog.LogHasher;
import org.veritally.translog.Node;
import org.veritally.translog.TreeAppender;

/**
 * Appends entries to the log inside a store transaction: assigns the next indices, hashes each
 * entry as an RFC 9162 leaf, and stores the full tree nodes the batch completes at the tile levels
 * (8, 16, …; level 0 is the entry's leaf_hash column; see {@code StoreHashReader}). The in-memory size and right edge move only in
 * {@link #committed}, after the transaction committed. Not thread-safe: owned by the sequencer.
 */
public final class LogAppender {
  private final LogHasher hasher = LogHasher.create();
  private final TreeAppender tree = new TreeAppender(LogHasher.create());
  private final java.util.function.LongSupplier clock;
  private final org.veritally.translog.NoteSigner signer;

  /** An appender that signs a checkpoint with {@code signer} after every batch, in the batch's transaction. */
  public LogAppender(java.util.function.LongSupplier clockMillis, org.veritally.translog.NoteSigner signer) {
    this.clock = clockMillis;
    this.signer = signer;
  }

  /** One entry to append: its kind, canonical bytes and the account that submitted it. */
  public record NewEntry(String kind, byte[] body, String account) {}

  /** What a batch appended: the first index, the leaf hashes in order, and the tree after it. */
  public record Appended(long first, List<byte[]> leafHashes, AppendResult tree) {}

  public Appended append(Tx tx, ElectionState state, List<NewEntry> entries) {
    long first = state.logSize();
    long ms = clock.getAsLong();
    List<byte[]> leaves = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      NewEntry e = entries.get(i);
      byte[] h = hasher.leafHash(e.body());
      leaves.add(h);
      tx.appendEntry(first + i, e.kind(), e.body(), h, e.account(), ms);
    }
    AppendResult r = tree.append(state.range(), leaves);
    for (Node n : r.nodes()) if (org.veritally.store.StoreHashReader.stored(n.level())) tx.putNode(n.level(), n.index(), n.hash());
    var cp = org.veritally.translog.SignedCheckpoint.sign(org.veritally.translog.Checkpoint.of(signer.name(), r.size(), r.root()), signer);
    tx.putCheckpoint(r.size(), cp.format(), ms);
    return new Appended(first, leaves, r);
  }

  public void committed(ElectionState state, Appended a) {
    state.advance(a.tree().size(), a.tree().range());
  }
}
