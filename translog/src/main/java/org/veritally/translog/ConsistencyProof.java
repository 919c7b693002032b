package org.veritally.translog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 §2.1.4 consistency proof: the hashes that show the tree of {@code oldSize} leaves is
 * a prefix of the tree of {@code newSize} leaves, so nothing logged was changed or dropped.
 *
 * <p>{@link #build} implements §2.1.4.1 over stored perfect subtrees with O(log n) reads in one
 * batch; {@link #verify} applies §2.1.4.2 via {@link ConsistencyVerifier}. The proof is empty when
 * {@code oldSize == newSize} or {@code oldSize == 0}: there is nothing to prove.
 *
 * <p>Invariants: none beyond non-null values. A proof received from elsewhere may be wrong in any
 * way; {@link #verify} reports how, as a value. Immutable (arrays are copied in and out) and
 * thread-safe.
 *
 * @param oldSize the earlier tree size (RFC 9162's m)
 * @param newSize the later tree size (n)
 * @param hashes the proof, in RFC 9162 order
 */
public record ConsistencyProof(long oldSize, long newSize, List<byte[]> hashes) {

    public ConsistencyProof {
        List<byte[]> copy = new ArrayList<>(hashes.size());
        hashes.forEach(h -> copy.add(h.clone()));
        hashes = List.copyOf(copy);
    }

    /**
     * Builds the proof between the trees of {@code oldSize} and {@code newSize} leaves.
     *
     * @param reader holds every full node of a tree of at least {@code newSize} leaves
     * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize}
     */
    public static ConsistencyProof build(long oldSize, long newSize, HashReader reader) {
        Objects.requireNonNull(reader, "reader");
        List<byte[]> proof = ProofPlan.consistency(oldSize, newSize).resolve(reader, LogHasher.create());
        return new ConsistencyProof(oldSize, newSize, proof);
    }

    /** Verifies the proof between {@code oldRoot} and {@code newRoot} (RFC 9162 §2.1.4.2). */
    public Verification verify(byte[] oldRoot, byte[] newRoot) {
        return ConsistencyVerifier.verify(oldSize, newSize, oldRoot, newRoot, hashes);
    }

    @Override
    public List<byte[]> hashes() {
        List<byte[]> out = new ArrayList<>(hashes.size());
        hashes.forEach(h -> out.add(h.clone()));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsistencyProof p
                && p.oldSize == oldSize
                && p.newSize == newSize
                && Arrays.deepEquals(hashes.toArray(), p.hashes.toArray());
    }

    @Override
    public int hashCode() {
        return Objects.hash(oldSize, newSize, Arrays.deepHashCode(hashes.toArray()));
    }

    @Override
    public String toString() {
        return "ConsistencyProof[" + oldSize + " -> " + newSize + ", hashes=" + hashes.size() + "]";
    }
}
