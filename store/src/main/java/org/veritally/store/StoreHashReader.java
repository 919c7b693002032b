package org.veritally.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.translog.HashReader;
import org.veritally.translog.LogHasher;
import org.veritally.translog.NodeId;

/**
 * Reads Merkle node hashes from the store, which keeps them the way tlog-tiles publishes them:
 * level 0 in {@code log_entry.leaf_hash}, and in {@code tree_node} only the levels that are
 * multiples of the tile height (8, 16, 24, …). Any other perfect node is folded from at most 128
 * stored nodes of the tile level below it, so a bulk import writes one tree row per 256 leaves
 * instead of one per leaf. A batch of reads ({@link #hashes}) fetches each tile it touches once:
 * an inclusion or consistency proof costs one range query per tile level, O(log n) in all.
 * Uses the calling thread's read connection (committed data only); thread-safe, except a reader made by
 * {@link #keepingTiles}, which is for one thread.
 */
public final class StoreHashReader implements HashReader {
    static final int HEIGHT = 8;
    private final Store store;
    private final Map<String, Map<Long, byte[]>> kept;

    public StoreHashReader(Store store) {
        this(store, null);
    }

    private StoreHashReader(Store store, Map<String, Map<Long, byte[]>> kept) {
        this.store = store;
        this.kept = kept;
    }

    /**
     * A reader that keeps every tile it has read, for many proofs of neighbouring entries against one tree
     * size (the receipts of an incremental publish): each tile is read once for all of them instead of once
     * a proof. Its memory grows with the tiles read (about 40 KB a tile); only for nodes of a tree size
     * already committed (a tile kept is not read again when the log grows). Not thread-safe.
     */
    public static StoreHashReader keepingTiles(Store store) {
        return new StoreHashReader(store, new HashMap<>());
    }

    /** How many tiles this reader keeps (0 unless made by {@link #keepingTiles}). */
    public int tilesKept() {
        return kept == null ? 0 : kept.size();
    }

    /** Whether the store keeps nodes of this level in {@code tree_node}. */
    public static boolean stored(int level) {
        return level > 0 && level % HEIGHT == 0;
    }

    @Override
    public byte[] hash(int level, long index) {
        return hashes(List.of(new NodeId(level, index))).get(0);
    }

    @Override
    public List<byte[]> hashes(List<NodeId> ids) {
        Map<String, Map<Long, byte[]>> tiles = kept != null ? kept : new HashMap<>();
        LogHasher hasher = LogHasher.create();
        List<byte[]> out = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            int base = id.level() - id.level() % HEIGHT;
            int up = id.level() - base;
            long first = id.index() << up;
            long width = 1L << up;
            List<byte[]> row = new ArrayList<>((int) width);
            for (long i = first; i < first + width; i++) {
                long tile = i >>> HEIGHT;
                Map<Long, byte[]> t = tiles.computeIfAbsent(base + ":" + tile, k -> readTile(base, tile));
                byte[] h = t.get(i);
                if (h == null) throw new IllegalStateException("tree node (" + base + ", " + i + ") is not stored");
                row.add(h);
            }
            for (int l = 0; l < up; l++) {
                List<byte[]> next = new ArrayList<>(row.size() / 2);
                for (int i = 0; i < row.size(); i += 2) next.add(hasher.nodeHash(row.get(i), row.get(i + 1)));
                row = next;
            }
            out.add(row.get(0));
        }
        return out;
    }

    private Map<Long, byte[]> readTile(int level, long tile) {
        Map<Long, byte[]> m = new HashMap<>(512);
        long from = tile << HEIGHT;
        long to = from + (1L << HEIGHT);
        if (level == 0) {
            store.query(
                    "SELECT idx, leaf_hash FROM log_entry WHERE idx >= ? AND idx < ?",
                    List.of(from, to),
                    rs -> m.put(Store.getLong(rs, 1), Store.getBytes(rs, 2)));
        } else {
            store.query(
                    "SELECT idx, hash FROM tree_node WHERE level = ? AND idx >= ? AND idx < ?",
                    List.of((long) level, from, to),
                    rs -> m.put(Store.getLong(rs, 1), Store.getBytes(rs, 2)));
        }
        return m;
    }
}
