package org.veritally.web.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.veritally.server.Instance;
import org.veritally.server.intake.RebuildProjections;
import org.veritally.store.LogRow;
import org.veritally.store.Store;
import org.veritally.store.StoreHashReader;
import org.veritally.translog.CompactRange;
import org.veritally.translog.LogHasher;
import org.veritally.translog.TreeAppender;

/**
 * The reference for pages as of log size N: a fresh data directory whose log is the first N entries of
 * another's (with its tree), its projections rebuilt from them by {@code rebuild}, opened as an instance. Its
 * live pages are what the other's pages as of N must show. A test fixture.
 */
final class PrefixInstance {
    private PrefixInstance() {}

    static Instance of(Instance in, long n, Path dir) {
        try (Store target = Store.openSqlite(dir.resolve(Instance.DB_FILE))) {
            target.write(tx -> {
                List<byte[]> leaves = new ArrayList<>();
                for (long from = 0; from < n; ) {
                    List<LogRow> rows = in.store().readLog(from, (int) Math.min(10_000, n - from));
                    for (LogRow r : rows) {
                        tx.appendEntry(r.idx(), r.kind(), r.body(), r.leafHash(), "", 0);
                        leaves.add(r.leafHash());
                    }
                    from += rows.size();
                }
                var tree = new TreeAppender(LogHasher.create()).append(CompactRange.empty(), leaves);
                for (var node : tree.nodes())
                    if (StoreHashReader.stored(node.level())) tx.putNode(node.level(), node.index(), node.hash());
                return null;
            });
            RebuildProjections.rebuild(target);
        }
        return Instance.open(dir);
    }
}
