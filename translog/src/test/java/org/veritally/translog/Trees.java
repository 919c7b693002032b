package org.veritally.translog;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.veritally.testkit.Seeds;

/** Test fixtures: leaf sets, and a tree appended into both the map fake and the naive reference. */
final class Trees {
    static final HexFormat HEX = HexFormat.of();

    private Trees() {}

    static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** Leaf hashes of random 0-to-99-byte entries. */
    static List<byte[]> randomLeaves(Random random, int n) {
        LogHasher hasher = LogHasher.create();
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] entry = new byte[random.nextInt(100)];
            random.nextBytes(entry);
            out.add(hasher.leafHash(entry));
        }
        return out;
    }

    /** The leaf hashes of the tree whose leaf i is the single byte i (the byteLeafTree vector). */
    static List<byte[]> byteLeaves(int n) {
        LogHasher hasher = LogHasher.create();
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(hasher.leafHash(new byte[] {(byte) i}));
        }
        return out;
    }

    /** Appends {@code leaves} in one batch into a fresh map store; returns the store. */
    static MapHashReader store(List<byte[]> leaves) {
        MapHashReader store = new MapHashReader();
        store.putAll(new TreeAppender().append(CompactRange.empty(), leaves).nodes());
        store.resetCounters();
        return store;
    }

    /** A fixed seed per test (its name's hash), or -Dveritally.seed=...; printed ({@link Seeds}). */
    static long seed(String test) {
        return Seeds.seed(test, test.hashCode());
    }
}
