package org.veritally.server.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.server.log.LogKeys;
import org.veritally.store.CheckpointQueries;
import org.veritally.store.LogRow;
import org.veritally.store.Store;
import org.veritally.store.StoreHashReader;
import org.veritally.translog.CompactRange;
import org.veritally.translog.LogHasher;
import org.veritally.translog.Node;
import org.veritally.translog.Parsed;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.TreeAppender;

/**
 * Checks the log's bytes as stored against themselves and against the latest signed checkpoint, in one pass
 * in log order: the entries are numbered without a gap ({@code INTEG-INDEX}), each stored leaf hash is the
 * hash of its stored body ({@code INTEG-LEAF}), every stored tree node, which the tiles and proofs are read
 * from, is the one the entries give ({@code INTEG-TREE}), and the latest checkpoint is signed by the log's
 * key and commits to the root of the entries at its size ({@code INTEG-CKPT}). Reports the first mismatch.
 *
 * <p>A changed body, leaf hash or tree node is found whatever else was changed with it, since the signed
 * root pins them all; what it cannot find is a log rewritten and signed again with the log's own key (a
 * witness's cosignature or a published copy finds that: docs/security.md, "Integrity at rest").
 *
 * <p>Reads the calling thread's connection (inside {@link Store#readSnapshot}, that snapshot); memory is one
 * page of entries and one hash per 256 entries. Stateless and thread-safe.
 */
public final class LogIntegrity {
    private static final int PAGE = 20_000;

    private LogIntegrity() {}

    /** The first mismatch between the stored log and itself or its latest signed checkpoint, if any. */
    public static Optional<Mismatch> check(Store store, LogKeys keys) {
        var latest = new CheckpointQueries(store).latest();
        long signedSize = -1;
        byte[] signedRoot = null;
        if (latest.isPresent()) {
            var cp = latest.get();
            var opened = SignedCheckpoint.open(cp.note(), keys.origin(), keys.verifierKey());
            if (!(opened instanceof Parsed.Ok<SignedCheckpoint> ok))
                return Optional.of(new Mismatch(
                        IntegrityRule.INTEG_CKPT,
                        "checkpoint " + cp.treeSize(),
                        "the stored checkpoint is not signed by the log key '" + keys.origin() + "'"));
            signedSize = ok.value().checkpoint().size();
            signedRoot = ok.value().checkpoint().rootHash();
            if (signedSize != cp.treeSize())
                return Optional.of(new Mismatch(
                        IntegrityRule.INTEG_CKPT,
                        "checkpoint " + cp.treeSize(),
                        "the signed note commits to tree size " + signedSize));
        }
        LogHasher hasher = LogHasher.create();
        TreeAppender tree = new TreeAppender(LogHasher.create());
        CompactRange range = CompactRange.empty();
        byte[] rootAtSigned = signedSize == 0 ? range.root(hasher) : null;
        Map<Long, byte[]> nodes = new HashMap<>();
        long next = 0;
        while (true) {
            List<LogRow> rows = store.readLog(next, PAGE);
            List<byte[]> leaves = new ArrayList<>(rows.size());
            for (LogRow row : rows) {
                if (row.idx() != next)
                    return Optional.of(new Mismatch(
                            IntegrityRule.INTEG_INDEX,
                            "log entry " + next,
                            "missing: the next stored entry is " + row.idx()));
                byte[] leaf = hasher.leafHash(row.body());
                if (!Arrays.equals(leaf, row.leafHash()))
                    return Optional.of(new Mismatch(
                            IntegrityRule.INTEG_LEAF,
                            "log entry " + row.idx(),
                            "the stored body hashes to " + hex(leaf) + ", the stored leaf hash is "
                                    + hex(row.leafHash())));
                leaves.add(leaf);
                next++;
                if (next == signedSize) {
                    range = append(tree, range, leaves, nodes);
                    leaves.clear();
                    rootAtSigned = range.root(hasher);
                }
            }
            range = append(tree, range, leaves, nodes);
            if (rows.size() < PAGE) break;
        }
        if (signedSize > next)
            return Optional.of(new Mismatch(
                    IntegrityRule.INTEG_CKPT,
                    "checkpoint " + signedSize,
                    "the signed checkpoint commits to " + signedSize + " entries, the log holds " + next));
        if (signedRoot != null && !Arrays.equals(signedRoot, rootAtSigned))
            return Optional.of(new Mismatch(
                    IntegrityRule.INTEG_CKPT,
                    "checkpoint " + signedSize,
                    "the stored entries [0, " + signedSize + ") give the root " + hex(rootAtSigned)
                            + ", the signed checkpoint says " + hex(signedRoot)));
        return storedNodes(store, nodes);
    }

    private static CompactRange append(
            TreeAppender tree, CompactRange range, List<byte[]> leaves, Map<Long, byte[]> nodes) {
        if (leaves.isEmpty()) return range;
        var r = tree.append(range, leaves);
        for (Node n : r.nodes()) if (StoreHashReader.stored(n.level())) nodes.put(key(n.level(), n.index()), n.hash());
        return r.range();
    }

    /** Every stored tree node is one the entries give, and every one they give is stored. */
    private static Optional<Mismatch> storedNodes(Store store, Map<Long, byte[]> expected) {
        Mismatch[] first = {null};
        long[] seen = {0};
        store.query("SELECT level, idx, hash FROM tree_node ORDER BY level, idx", List.of(), rs -> {
            if (first[0] != null) return;
            long level = Store.getLong(rs, 1);
            long idx = Store.getLong(rs, 2);
            byte[] stored = Store.getBytes(rs, 3);
            byte[] want = level > 0 && level < 64 && idx >= 0 && idx < 1L << 48 ? expected.get(key(level, idx)) : null;
            if (want == null)
                first[0] = new Mismatch(
                        IntegrityRule.INTEG_TREE,
                        "tree node (level " + level + ", index " + idx + ")",
                        "stored, but the entries complete no such node");
            else if (!Arrays.equals(want, stored))
                first[0] = new Mismatch(
                        IntegrityRule.INTEG_TREE,
                        "tree node (level " + level + ", index " + idx + ")",
                        "stored " + hex(stored) + ", the entries give " + hex(want));
            else seen[0]++;
        });
        if (first[0] == null && seen[0] != expected.size())
            first[0] = new Mismatch(
                    IntegrityRule.INTEG_TREE,
                    "tree_node",
                    expected.size() - seen[0] + " node(s) the entries complete are not stored");
        return Optional.ofNullable(first[0]);
    }

    private static long key(long level, long idx) {
        return level << 48 | idx;
    }

    private static String hex(byte[] b) {
        return b == null ? "(none)" : HexFormat.of().formatHex(b);
    }
}
