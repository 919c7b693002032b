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

    /**
     * The entry kinds few entries have, as an SQL {@code IN} list: keys, revocations, audits and transcription
     * work. Word for word the predicate of the partial index {@code log_entry_rare} (migrations V6, V7), which SQLite
     * uses only for a query whose WHERE clause repeats it (sqlite.org/partialindex.html §2).
     */
    public static final String RARE_KINDS = "('key', 'revocation', 'audit', 'audit-seed', 'audit-count',"
            + " 'audit-round', 'transcription', 'transcription-flag', 'transcriber-pause', 'transcription-report')";

    /** The transcription kinds among {@link #RARE_KINDS}. */
    private static final String TRANSCRIPTION_KINDS =
            "('transcription', 'transcription-flag', 'transcriber-pause', 'transcription-report')";

    /** The query of {@link #rareEntries}; its WHERE clause is the index predicate, so the index serves it. */
    static final String RARE_ENTRIES = "SELECT l.idx, l.kind, l.body, CASE WHEN l.kind IN " + TRANSCRIPTION_KINDS
            + " THEN (SELECT MIN(f.rule) FROM sheet_flag f WHERE f.entry_idx = l.idx"
            + " AND f.rule IN ('TR-AGREE', 'TR-ESCALATE', 'TR-REJECT', 'TR-REPORT')) END"
            + " FROM log_entry l WHERE l.kind IN " + RARE_KINDS + " ORDER BY l.idx";

    /**
     * An entry of one of the {@link #RARE_KINDS}; for transcription work, the one outcome flag the rulebook raised
     * when it was appended ({@code TR-AGREE}, {@code TR-ESCALATE}, {@code TR-REJECT}, {@code TR-REPORT}), if any.
     */
    public record RareEntry(long idx, String kind, byte[] body, Optional<String> outcome) {}

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

    /**
     * Every entry of the {@link #RARE_KINDS}, in log order, in one query through the partial index
     * {@code log_entry_rare}: start-up reads these without a pass over the log.
     */
    public void rareEntries(java.util.function.Consumer<RareEntry> each) {
        store.query(
                RARE_ENTRIES,
                List.of(),
                rs -> each.accept(new RareEntry(
                        Store.getLong(rs, 1),
                        Store.getString(rs, 2),
                        Store.getBytes(rs, 3),
                        Optional.ofNullable(Store.getString(rs, 4)))));
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
