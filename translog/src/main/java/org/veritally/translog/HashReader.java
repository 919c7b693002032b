package org.veritally.translog;

import java.util.ArrayList;
import java.util.List;

/**
 * The port through which tree code reads stored node hashes: a database table, an in-memory
 * store, or published tiles ({@link TileHashReader}).
 *
 * <p>Only perfect subtrees are stored (see {@link NodeId}); asking for any other node is a
 * programming error. Every operation in this package reads O(log n) nodes and asks for them in a
 * single {@link #hashes(List)} call, so an adapter over a database can answer with one query.
 *
 * <p>Thread-safety is up to the implementation; callers in this package use a reader from one
 * thread at a time. Implementations signal a node that is not stored, or an I/O failure, with an
 * unchecked exception: to the tree code both are broken infrastructure, not bad evidence.
 */
public interface HashReader {

    /**
     * The hash of the stored node {@code (level, index)}, {@value LogHasher#HASH_SIZE} bytes.
     *
     * @throws RuntimeException if the node is not stored or cannot be read
     */
    byte[] hash(int level, long index);

    /**
     * The hashes of several stored nodes, in the order asked. Override to batch the reads.
     *
     * @throws RuntimeException if a node is not stored or cannot be read
     */
    default List<byte[]> hashes(List<NodeId> ids) {
        List<byte[]> out = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            out.add(hash(id.level(), id.index()));
        }
        return out;
    }
}
