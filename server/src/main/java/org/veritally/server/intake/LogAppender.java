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
 * (8, 16, …; level 0 is the entry's leaf_hash column; see {@code StoreHashReader}). The in-memory size and right edge
 * move only in
 * {@link #committed}, after the transaction committed. Not thread-safe: owned by the sequencer.
 */
public final class LogAppender {
    private final LogHasher hasher = LogHasher.create();
    private final TreeAppender tree = new TreeAppender(LogHasher.create());
    private final java.util.function.LongSupplier clock;
    private final org.veritally.translog.NoteSigner signer;
    private volatile CommitListener listener = CommitListener.NONE;

    /**
     * Told of every batch once it is committed and visible to readers (its checkpoint: size, root, time, and the
     * units whose totals it changed). Called on the single writer's thread: it must not block or do I/O
     * ({@code org.veritally.server.live.LiveFeed} only records the checkpoint and wakes its own thread).
     */
    @FunctionalInterface
    public interface CommitListener {
        CommitListener NONE = (size, root, ms, units) -> {};

        void committed(long size, byte[] root, long ms, java.util.Collection<String> changedUnits);
    }

    /** Tells {@code l} of every batch committed from now on (replacing any listener before it). */
    public void listen(CommitListener l) {
        this.listener = java.util.Objects.requireNonNull(l, "listener");
    }

    /** An appender that signs a checkpoint with {@code signer} after every batch, in the batch's transaction. */
    public LogAppender(java.util.function.LongSupplier clockMillis, org.veritally.translog.NoteSigner signer) {
        this.clock = clockMillis;
        this.signer = signer;
    }

    /** One entry to append: its kind, canonical bytes and the account that submitted it. */
    public record NewEntry(String kind, byte[] body, String account) {}

    /**
     * What a batch appended: the first index, the leaf hashes in order, the tree after it, and the time of its
     * checkpoint (milliseconds since the epoch).
     */
    public record Appended(long first, List<byte[]> leafHashes, AppendResult tree, long ms) {}

    public Appended append(Tx tx, ElectionState state, List<NewEntry> entries) {
        Prepared p = prepare(state, entries);
        write(tx, p);
        return p.appended();
    }

    /**
     * A batch hashed, appended to the tree and signed in memory, ready to be written; {@code before} is the tree's
     * right edge before it.
     */
    public record Prepared(
            List<NewEntry> entries,
            Appended appended,
            String checkpoint,
            long ms,
            org.veritally.translog.CompactRange before) {
        /**
         * The receipt (C2SP tlog-proof: the entry, its inclusion proof, the batch's signed checkpoint)
         * of each entry of the batch, in order, built from memory ({@link org.veritally.translog.BatchHashReader});
         * {@code store} answers any node that is not (none is expected).
         */
        public List<String> receipts(org.veritally.translog.HashReader store) {
            var nodes = new org.veritally.translog.BatchHashReader(before, appended.tree(), store);
            long size = appended.tree().size();
            List<String> out = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                long index = appended.first() + i;
                var proof = org.veritally.translog.InclusionProof.build(index, size, nodes);
                out.add(new org.veritally.translog.TlogProof(
                                java.util.Optional.of(entries.get(i).body()), index, proof.hashes(), checkpoint)
                        .format());
            }
            return out;
        }
    }

    /** The CPU part of an append: leaf hashes, tree nodes, the signed checkpoint. Writes nothing. */
    public Prepared prepare(ElectionState state, List<NewEntry> entries) {
        List<byte[]> leaves = new ArrayList<>(entries.size());
        for (NewEntry e : entries) leaves.add(hasher.leafHash(e.body()));
        return prepare(state, entries, leaves);
    }

    /**
     * As {@link #prepare(ElectionState, List)}, with the entries' leaf hashes already computed (in parallel, by
     * {@link EncodedRows}): {@code leaves.get(i)} must be the leaf hash of {@code entries.get(i).body()}.
     */
    Prepared prepare(ElectionState state, List<NewEntry> entries, List<byte[]> leaves) {
        if (leaves.size() != entries.size())
            throw new IllegalArgumentException(leaves.size() + " leaf hashes for " + entries.size() + " entries");
        long first = state.logSize();
        long ms = clock.getAsLong();
        AppendResult r = tree.append(state.range(), leaves);
        var cp = org.veritally.translog.SignedCheckpoint.sign(
                org.veritally.translog.Checkpoint.of(signer.name(), r.size(), r.root()), signer);
        return new Prepared(entries, new Appended(first, leaves, r, ms), cp.format(), ms, state.range());
    }

    /** The database part: the entries, the tile-level nodes and the checkpoint, in the caller's transaction. */
    public void write(Tx tx, Prepared p) {
        Appended a = p.appended();
        for (int i = 0; i < p.entries().size(); i++) {
            NewEntry e = p.entries().get(i);
            tx.appendEntry(a.first() + i, e.kind(), e.body(), a.leafHashes().get(i), e.account(), p.ms());
        }
        for (Node n : a.tree().nodes())
            if (org.veritally.store.StoreHashReader.stored(n.level())) tx.putNode(n.level(), n.index(), n.hash());
        tx.putCheckpoint(a.tree().size(), p.checkpoint(), p.ms());
    }

    /** The batch {@code a} is committed: the log's size and right edge move; it changed no unit's totals. */
    public void committed(ElectionState state, Appended a) {
        committed(state, a, List.of());
    }

    /**
     * The batch {@code a} is committed and the totals of {@code changedUnits} (unit IDs) are published: the log's
     * size and right edge move, then the {@link CommitListener} is told.
     */
    public void committed(ElectionState state, Appended a, java.util.Collection<String> changedUnits) {
        state.advance(a.tree().size(), a.tree().range());
        listener.committed(a.tree().size(), a.tree().root(), a.ms(), changedUnits);
    }
}
