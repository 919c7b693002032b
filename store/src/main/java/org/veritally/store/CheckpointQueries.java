package org.veritally.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the signed checkpoints of the log and the witnesses' cosignatures of them ({@code
 * checkpoint}, {@code cosignature}). Each read is one primary-key lookup or range. Uses the calling
 * thread's read connection (inside {@link Store#readSnapshot}, that snapshot); thread-safe.
 */
public final class CheckpointQueries {
    /**
     * A stored checkpoint: the tree size it commits to, its signed note (without cosignatures), when it was written.
     */
    public record Checkpoint(long treeSize, String note, long createdMs) {}

    private final Store store;

    public CheckpointQueries(Store store) {
        this.store = store;
    }

    /** The checkpoint of the largest tree size, if one was signed. */
    public Optional<Checkpoint> latest() {
        List<Checkpoint> out = new ArrayList<>(1);
        store.query(
                "SELECT tree_size, note, created_ms FROM checkpoint ORDER BY tree_size DESC LIMIT 1",
                List.of(),
                rs -> out.add(new Checkpoint(Store.getLong(rs, 1), Store.getString(rs, 2), Store.getLong(rs, 3))));
        return out.stream().findFirst();
    }

    /** The {@code limit} checkpoints of the largest tree sizes, largest first (the Atom feed's). */
    public List<Checkpoint> recent(int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit < 0");
        List<Checkpoint> out = new ArrayList<>(Math.min(limit, 256));
        store.query(
                "SELECT tree_size, note, created_ms FROM checkpoint ORDER BY tree_size DESC LIMIT ?",
                List.of((long) limit),
                rs -> out.add(new Checkpoint(Store.getLong(rs, 1), Store.getString(rs, 2), Store.getLong(rs, 3))));
        return out;
    }

    /**
     * The first checkpoint whose tree holds entry {@code index} (the smallest tree size above it), if
     * one was signed: when the entry's inclusion could first be proven.
     */
    public Optional<Checkpoint> firstCovering(long index) {
        List<Checkpoint> out = new ArrayList<>(1);
        store.query(
                "SELECT tree_size, note, created_ms FROM checkpoint WHERE tree_size > ? ORDER BY tree_size LIMIT 1",
                List.of(index),
                rs -> out.add(new Checkpoint(Store.getLong(rs, 1), Store.getString(rs, 2), Store.getLong(rs, 3))));
        return out.stream().findFirst();
    }

    /** The signed note of the checkpoint of exactly {@code treeSize}, if one was signed. */
    public Optional<String> note(long treeSize) {
        List<String> out = new ArrayList<>(1);
        store.query(
                "SELECT note FROM checkpoint WHERE tree_size = ?",
                List.of(treeSize),
                rs -> out.add(Store.getString(rs, 1)));
        return out.stream().findFirst();
    }

    /** The cosignature lines gathered for the checkpoint of {@code treeSize}, in witness order (byte-wise). */
    public List<String> cosignatures(long treeSize) {
        List<String> out = new ArrayList<>();
        store.query(
                "SELECT line FROM cosignature WHERE tree_size = ? ORDER BY witness",
                List.of(treeSize),
                rs -> out.add(Store.getString(rs, 1)));
        return out;
    }
    /** When a checkpoint of a tree size was written (Unix ms), without its note. */
    public record Written(long treeSize, long createdMs) {}

    /**
     * The checkpoints of tree sizes above {@code treeSize}, smallest first, without their notes: when each size was
     * first under a signed tree head (the reporting timeline's clock).
     */
    public List<Written> writtenAfter(long treeSize) {
        List<Written> out = new ArrayList<>();
        store.query(
                "SELECT tree_size, created_ms FROM checkpoint WHERE tree_size > ? ORDER BY tree_size",
                List.of(treeSize),
                rs -> out.add(new Written(Store.getLong(rs, 1), Store.getLong(rs, 2))));
        return out;
    }
}
