package org.veritally.translog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 §2.1.3 inclusion proof (audit path): the hashes that, with a leaf hash, recompute the
 * root of the tree of {@code size} leaves, showing the leaf is at {@code index}.
 *
 * <p>{@link #build} implements §2.1.3.1 over stored perfect subtrees with O(log n) reads in one
 * batch (a partial right-edge sibling is folded from its perfect parts); {@link #verify} applies
 * §2.1.3.2 via {@link InclusionVerifier}.
 *
 * <p>Invariants: none beyond non-null values. A proof received from elsewhere may be wrong in any
 * way (index out of range, short hashes); {@link #verify} reports how, as a value. A proof from
 * {@link #build} is ordered leaf to root with 32-byte hashes. Immutable (arrays are copied in and
 * out) and thread-safe.
 *
 * @param index the leaf index
 * @param size the tree size the proof is for
 * @param hashes the audit path, leaf to root
 */
public record InclusionProof(long index, long size, List<byte[]> hashes) {

    public InclusionProof {
        hashes = copy(hashes);
    }

    /**
     * Builds the proof for leaf {@code index} in the tree of {@code size} leaves.
     *
     * @param reader holds every full node of a tree of at least {@code size} leaves
     * @throws IllegalArgumentException unless {@code 0 <= index < size}
     */
    public static InclusionProof build(long index, long size, HashReader reader) {
        Objects.requireNonNull(reader, "reader");
        List<byte[]> path = ProofPlan.inclusion(index, size).resolve(reader, LogHasher.create());
        return new InclusionProof(index, size, path);
    }

    /** Verifies the proof for {@code leafHash} against {@code root} (RFC 9162 §2.1.3.2). */
    public Verification verify(byte[] leafHash, byte[] root) {
        return InclusionVerifier.verify(index, size, leafHash, hashes, root);
    }

    @Override
    public List<byte[]> hashes() {
        return copy(hashes);
    }

    private static List<byte[]> copy(List<byte[]> in) {
        List<byte[]> out = new ArrayList<>(in.size());
        in.forEach(h -> out.add(h.clone()));
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InclusionProof p
                && p.index == index
                && p.size == size
                && Arrays.deepEquals(hashes.toArray(), p.hashes.toArray());
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, size, Arrays.deepHashCode(hashes.toArray()));
    }

    @Override
    public String toString() {
        return "InclusionProof[index=" + index + ", size=" + size + ", hashes=" + hashes.size() + "]";
    }
}
