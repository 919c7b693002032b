package org.veritally.server.log;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.veritally.store.CheckpointQueries;
import org.veritally.store.LogRow;
import org.veritally.store.Store;
import org.veritally.store.StoreHashReader;
import org.veritally.translog.ConsistencyProof;
import org.veritally.translog.InclusionProof;
import org.veritally.translog.Note;
import org.veritally.translog.NoteSignature;
import org.veritally.translog.Parsed;
import org.veritally.translog.Tile;
import org.veritally.translog.TileBuilder;
import org.veritally.translog.TlogProof;

/**
 * Read side of the log, from committed data only: the latest signed checkpoint with its witness
 * cosignatures, hash tiles and entry bundles in the C2SP tlog-tiles layout, inclusion and
 * consistency proofs (O(log n) node reads), and receipts. Thread-safe (per-thread read connections).
 */
public final class LogView {
    private final Store store;
    private final CheckpointQueries checkpoints;
    private final StoreHashReader nodes;

    public LogView(Store store) {
        this.store = store;
        this.checkpoints = new CheckpointQueries(store);
        this.nodes = new StoreHashReader(store);
    }

    /** The signed checkpoint of the largest tree size, with the cosignatures gathered for it. */
    public Optional<SignedNote> latest() {
        return checkpoints.latest().map(c -> new SignedNote(c.treeSize(), withCosignatures(c.treeSize(), c.note())));
    }

    /** The checkpoint note for one exact tree size, if one was signed. */
    public Optional<SignedNote> at(long treeSize) {
        return checkpoints.note(treeSize).map(note -> new SignedNote(treeSize, withCosignatures(treeSize, note)));
    }

    private String withCosignatures(long size, String note) {
        List<String> lines = checkpoints.cosignatures(size);
        if (lines.isEmpty()) return note;
        var parsed = Note.parse(note);
        if (!(parsed instanceof Parsed.Ok<Note> ok)) return note;
        Note n = ok.value();
        for (String l : lines) {
            var sig = Note.parse(n.text() + "\n" + l + "\n");
            if (sig instanceof Parsed.Ok<Note> s && !s.value().signatures().isEmpty()) {
                NoteSignature ns = s.value().signatures().get(0);
                n = n.withSignature(ns);
            }
        }
        return n.format();
    }

    /** A signed checkpoint note and the tree size it commits to. */
    public record SignedNote(long size, String note) {}

    /** The bytes of a hash tile; the tile must lie within {@code treeSize}. */
    public byte[] tile(Tile.Hashes t) {
        return TileBuilder.build(t, nodes);
    }

    /** The bytes of an entry bundle: each entry as a 2-byte big-endian length and its bytes. */
    public byte[] entryBundle(Tile.Entries t) {
        var out = new ByteArrayOutputStream(t.width() * 300);
        for (LogRow r : store.readLog(t.index() * 256, t.width())) {
            out.write(r.body().length >>> 8);
            out.write(r.body().length & 0xff);
            out.writeBytes(r.body());
        }
        return out.toByteArray();
    }

    public InclusionProof inclusion(long index, long size) {
        return InclusionProof.build(index, size, nodes);
    }

    public ConsistencyProof consistency(long oldSize, long newSize) {
        return ConsistencyProof.build(oldSize, newSize, nodes);
    }

    /** A receipt (C2SP tlog-proof) for an entry, against the given signed checkpoint. */
    public String receipt(long index, SignedNote checkpoint) {
        var rows = store.readLog(index, 1);
        if (rows.isEmpty() || index >= checkpoint.size())
            throw new IllegalArgumentException("no entry " + index + " under size " + checkpoint.size());
        var proof = inclusion(index, checkpoint.size());
        return new TlogProof(Optional.of(rows.get(0).body()), index, proof.hashes(), checkpoint.note()).format();
    }
}
