package org.veritally.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads of the log's entries beyond {@link Store#logSize} and {@link Store#readLog}: one entry's
 * bytes, the leaf hashes of a range, when the first entry of a kind arrived. Uses the calling
 * thread's read connection (inside {@link Store#readSnapshot}, that snapshot); thread-safe.
 */
public final class LogQueries {
    private final Store store;

    public LogQueries(Store store) {
        this.store = store;
    }

    /** The canonical bytes of entry {@code idx}, if it exists and is of {@code kind} ({@code sheet}, …). */
    public Optional<byte[]> body(long idx, String kind) {
        byte[][] body = {null};
        store.query(
                "SELECT body FROM log_entry WHERE idx = ? AND kind = ?",
                List.of(idx, kind),
                rs -> body[0] = Store.getBytes(rs, 1));
        return Optional.ofNullable(body[0]);
    }

    /** The leaf hashes of entries {@code [from, to)}, in order. */
    public List<byte[]> leafHashes(long from, long to) {
        List<byte[]> out = new ArrayList<>((int) Math.max(0, Math.min(to - from, 1 << 16)));
        store.query(
                "SELECT leaf_hash FROM log_entry WHERE idx >= ? AND idx < ? ORDER BY idx",
                List.of(from, to),
                rs -> out.add(Store.getBytes(rs, 1)));
        return out;
    }

    /** When (epoch milliseconds) the first entry of {@code kind} in log order was received, if there is one. */
    public OptionalLong firstReceivedMs(String kind) {
        long[] ms = {0};
        boolean[] found = {false};
        store.query("SELECT received_ms FROM log_entry WHERE kind = ? ORDER BY idx LIMIT 1", List.of(kind), rs -> {
            ms[0] = Store.getLong(rs, 1);
            found[0] = true;
        });
        return found[0] ? OptionalLong.of(ms[0]) : OptionalLong.empty();
    }
}
