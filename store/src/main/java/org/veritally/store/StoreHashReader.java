package org.veritally.store;

import java.util.ArrayList;
import java.util.List;
import org.veritally.translog.HashReader;

/**
 * Reads stored Merkle node hashes: level 0 from {@code log_entry.leaf_hash}, higher levels from
 * {@code tree_node}. Uses the calling thread's read connection, so it sees committed data only.
 */
public final class StoreHashReader implements HashReader {
  private final Store store;

  public StoreHashReader(Store store) {
    this.store = store;
  }

  @Override
  public byte[] hash(int level, long index) {
    List<byte[]> out = new ArrayList<>(1);
    if (level == 0) {
      store.query("SELECT leaf_hash FROM log_entry WHERE idx = ?", List.of(index), rs -> out.add(Store.getBytes(rs, 1)));
    } else {
      store.query("SELECT hash FROM tree_node WHERE level = ? AND idx = ?", List.of((long) level, index), rs -> out.add(Store.getBytes(rs, 1)));
    }
    if (out.isEmpty()) throw new IllegalStateException("tree node (" + level + ", " + index + ") is not stored");
    return out.get(0);
  }
}
