package org.veritally.core.tabulate;

/**
 * Addresses one {@link Tally}: contest index × source index × unit index. Immutable.
 *
 * <p>Its hash mixes all three: a record's own hash ({@code (31 * contest + source) * 31 + unit}) gave about ten
 * keys of five contests and two sources the same value (unit {@code u} of contest 1 is unit {@code u + 961} of
 * contest 0), so at the 8.2 million sheets of issue 15 the tallies' maps turned most bins into trees (1.03 million
 * {@code HashMap$TreeNode}s of 56 bytes for 1.37 million tallies, and a lookup searched a tree of keys that cannot
 * be ordered). Source indices and contest indices fit 16 bits ({@code Tabulation.CONSENSUS} is 0xFFFF), so the
 * three are packed into one {@code long} without loss before it is mixed.
 */
public record TallyKey(int contest, int source, int unit) {
    @Override
    public int hashCode() {
        long k = ((long) unit << 32) ^ ((contest & 0xFFFFL) << 16) ^ (source & 0xFFFFL) ^ ((long) contest << 48);
        // MurmurHash3's 64-bit finaliser (a bijection), folded to 32 bits
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int) (k ^ (k >>> 32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TallyKey t && t.contest == contest && t.source == source && t.unit == unit;
    }
}
