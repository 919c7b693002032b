package org.veritally.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.Unit;
import org.veritally.core.tabulate.Tally;

/**
 * The writes of one transaction. Statements are batched and flushed at commit, in an order that
 * respects no foreign keys (there are none: the log is the reference). Not thread-safe: only the
 * sequencer writes.
 */
public final class Tx {
    private final Connection c;
    private final Map<String, PreparedStatement> stmts;
    private final Map<String, Integer> pending = new HashMap<>();
    /**
     * Batched statements are sent to SQLite every this many rows, so huge transactions (rebuild) stay in bounded
     * memory.
     */
    static final int FLUSH_EVERY = 20_000;

    private int unflushed;

    /** On PostgreSQL, the rows of the log and of the growing projections, sent with {@code COPY} (issue 15). */
    private final PgCopy copy;

    Tx(Connection c, Map<String, PreparedStatement> stmts) {
        this(c, stmts, Dialect.SQLITE);
    }

    Tx(Connection c, Map<String, PreparedStatement> stmts, Dialect dialect) {
        this.c = c;
        this.stmts = stmts;
        this.copy = dialect == Dialect.POSTGRESQL && PgCopy.ENABLED ? new PgCopy(c) : null;
    }

    /** Keeps a row for the PostgreSQL bulk path; false on SQLite, whose batched statements are the fast path. */
    private boolean copied(PgCopy.Table t, String what, Object... row) {
        if (copy == null) return false;
        try {
            copy.add(t, row);
            return true;
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    /** How many rows this transaction sent with {@code COPY} so far (0 on SQLite). */
    long copiedRows() {
        return copy == null ? 0 : copy.copied();
    }

    /** The transaction's connection, for the store's own statements. */
    Connection connection() {
        return c;
    }

    private PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement p = stmts.get(sql);
        if (p == null) {
            p = c.prepareStatement(sql);
            stmts.put(sql, p);
        }
        pending.merge(sql, 1, Integer::sum);
        if (++unflushed >= FLUSH_EVERY) {
            flush();
            pending.put(sql, 1);
        }
        return p;
    }

    void flush() throws SQLException {
        if (copy != null) copy.flush();
        for (String sql : pending.keySet()) {
            int[] counts = stmts.get(sql).executeBatch();
            if (sql.equals(FINISH_SUBMISSION)) {
                // the claim: an answer is recorded only over a still-pending submission; else the whole batch
                // rolls back (another sequencer answered it, or the queuing instance withdrew it after its time-out)
                for (int n : counts) {
                    if (n == 0)
                        throw new SQLException(
                                "a queued submission was answered or withdrawn meanwhile; the batch is rolled back");
                }
            }
        }
        pending.clear();
        unflushed = 0;
    }

    public void appendEntry(long idx, String kind, byte[] body, byte[] leafHash, String account, long ms) {
        if (copied(PgCopy.Table.LOG_ENTRY, "append to log", idx, kind, body, leafHash, account, ms)) return;
        try {
            var p = ps("INSERT INTO log_entry(idx, kind, body, leaf_hash, account, received_ms) VALUES (?,?,?,?,?,?)");
            p.setLong(1, idx);
            p.setString(2, kind);
            p.setBytes(3, body);
            p.setBytes(4, leafHash);
            p.setString(5, account);
            p.setLong(6, ms);
            p.addBatch();
        } catch (SQLException e) {
            throw new StoreException("append to log", e);
        }
    }

    public void putNode(int level, long idx, byte[] hash) {
        if (copied(PgCopy.Table.TREE_NODE, "store tree node", (long) level, idx, hash)) return;
        try {
            var p = ps("INSERT INTO tree_node(level, idx, hash) VALUES (?,?,?)");
            p.setInt(1, level);
            p.setLong(2, idx);
            p.setBytes(3, hash);
            p.addBatch();
        } catch (SQLException e) {
            throw new StoreException("store tree node", e);
        }
    }

    public void putCheckpoint(long size, String note, long ms) {
        exec(
                "INSERT INTO checkpoint(tree_size, note, created_ms) VALUES (?,?,?) ON CONFLICT(tree_size) DO NOTHING",
                size,
                note,
                ms);
    }

    public void putCosignature(long size, String witness, String line) {
        exec(
                "INSERT INTO cosignature(tree_size, witness, line) VALUES (?,?,?) ON "
                        + "CONFLICT(tree_size, witness) DO NOTHING",
                size,
                witness,
                line);
    }

    /**
     * The projection row of an evidence entry: its station, source, contest, the hashes of the
     * original and the public copy, and the canonical entry.
     */
    public void putEvidence(org.veritally.core.evidence.Evidence e, long entryIdx, String body) {
        exec(
                "INSERT INTO evidence(entry_idx, station, source, contest, sha256, public_sha256, body)"
                        + " VALUES (?,?,?,?,?,?,?)",
                entryIdx,
                e.stationId(),
                e.sourceId(),
                e.contestId().orElse(""),
                e.original().sha256(),
                e.publicCopy().map(org.veritally.core.evidence.Blob::sha256).orElse(""),
                body);
    }

    /**
     * The reported results audit {@code audit} audits, fixed by its seed at log index {@code seedIdx} (migration V8,
     * docs/audit.md): {@code stations} × {@code choices} votes, comma-separated.
     */
    public void putAuditReported(String audit, long seedIdx, long stations, long choices, String votes) {
        exec(
                "INSERT INTO audit_reported(audit, seed_idx, stations, choices, votes) VALUES (?,?,?,?,?)",
                audit,
                seedIdx,
                stations,
                choices,
                votes);
    }

    public void putAnnouncement(String id, long entryIdx, String body) {
        exec("INSERT INTO announcement(id, entry_idx, body) VALUES (?,?,?)", id, entryIdx, body);
    }

    public void putAccount(String id, String role, String source, byte[] tokenHash, String publicKey, long ms) {
        try {
            var p = ps(
                    "INSERT INTO account(id, role, source, token_hash, public_key, created_ms) VALUES (?,?,?,?,?,?)");
            p.setString(1, id);
            p.setString(2, role);
            p.setString(3, source);
            p.setBytes(4, tokenHash);
            p.setString(5, publicKey);
            p.setLong(6, ms);
            p.addBatch();
        } catch (SQLException e) {
            throw new StoreException("write account", e);
        }
    }

    /** Accounts are the one mutable private table: revocation and key registration change a row. */
    public void updateAccount(String id, String column, Object value) {
        if (!java.util.Set.of("revoked_ms", "public_key", "token_hash", "source")
                .contains(column)) throw new IllegalArgumentException(column);
        try {
            var p = ps("UPDATE account SET " + column + " = ? WHERE id = ?");
            if (value instanceof Long l) p.setLong(1, l);
            else if (value instanceof byte[] b) p.setBytes(1, b);
            else p.setString(1, (String) value);
            p.setString(2, id);
            p.addBatch();
        } catch (SQLException e) {
            throw new StoreException("update account", e);
        }
    }

    public void putElection(String id, long entryIdx, String body) {
        exec("INSERT INTO election(id, entry_idx, body) VALUES (?,?,?)", id, entryIdx, body);
    }

    public void putUnit(Unit u, long ord) {
        exec(
                "INSERT INTO unit(id, name, level, parent, ord) VALUES (?,?,?,?,?)",
                u.id(),
                u.name(),
                (long) u.level(),
                u.parentId(),
                ord);
    }

    public void putStation(Station s, long ord) {
        exec(
                "INSERT INTO station(id, name, unit, registered, ord) VALUES (?,?,?,?,?)",
                s.id(),
                s.name(),
                s.unitId(),
                s.registeredVoters(),
                ord);
    }

    public void putSource(String id, String name, String kind, long entryIdx) {
        exec("INSERT INTO source(id, name, kind, entry_idx) VALUES (?,?,?,?)", id, name, kind, entryIdx);
    }

    public void putMeta(String key, String value) {
        exec(
                "INSERT INTO meta(key, value) VALUES (?,?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key,
                value);
    }

    public void upsertSheet(
            String station,
            String contest,
            String source,
            long entryIdx,
            SummaryCounts k,
            long[] votes,
            long digestCore,
            long digestOpt) {
        if (copied(
                PgCopy.Table.SHEET_CURRENT,
                "write current sheet",
                station,
                contest,
                source,
                entryIdx,
                absent(k.registered()),
                absent(k.ballotsCast()),
                k.valid(),
                k.nulls(),
                absent(k.blank()),
                StoredSheet.joinVotes(votes),
                digestCore,
                digestOpt)) return;
        try {
            var p = ps("INSERT INTO sheet_current(station, contest, source, entry_idx, registered, "
                    + "ballots, valid, nulls, blank, votes, digest_core, digest_opt)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(station, contest, source) "
                    + "DO UPDATE SET entry_idx = excluded.entry_idx,"
                    + " registered = excluded.registered, ballots = excluded.ballots, valid = "
                    + "excluded.valid, nulls = excluded.nulls,"
                    + " blank = excluded.blank, votes = excluded.votes, digest_core = "
                    + "excluded.digest_core, digest_opt = excluded.digest_opt");
            p.setString(1, station);
            p.setString(2, contest);
            p.setString(3, source);
            p.setLong(4, entryIdx);
            optional(p, 5, k.registered());
            optional(p, 6, k.ballotsCast());
            p.setLong(7, k.valid());
            p.setLong(8, k.nulls());
            optional(p, 9, k.blank());
            p.setString(10, StoredSheet.joinVotes(votes));
            p.setLong(11, digestCore);
            p.setLong(12, digestOpt);
            p.addBatch();
        } catch (SQLException e) {
            throw new StoreException("write current sheet", e);
        }
    }

    public void upsertTotal(String unit, String contest, String source, Tally t) {
        if (copied(
                PgCopy.Table.UNIT_TOTAL,
                "write unit total",
                unit,
                contest,
                source,
                t.stations(),
                t.registered(),
                t.ballots(),
                t.valid(),
                t.nulls(),
                t.blank(),
                StoredSheet.joinVotes(t.votes()))) return;
        try {
            var p = ps("INSERT INTO unit_total(unit, contest, source, stations, registered, ballots, "
                    + "valid, nulls, blank, votes)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(unit, contest, source) DO "
                    + "UPDATE SET stations = excluded.stations,"
                    + " registered = excluded.registered, ballots = excluded.ballots, valid = "
                    + "excluded.valid, nulls = excluded.nulls,"
                    + " blank = excluded.blank, votes = excluded.votes");
            p.setString(1, unit);
            p.setString(2, contest);
            p.setString(3, source);
            p.setLong(4, t.stations());
            p.setLong(5, t.registered());
            p.setLong(6, t.ballots());
            p.setLong(7, t.valid());
            p.setLong(8, t.nulls());
            p.setLong(9, t.blank());
            p.setString(10, StoredSheet.joinVotes(t.votes()));
            p.addBatch();
        } catch (SQLException e) {
            throw new StoreException("write unit total", e);
        }
    }

    public void upsertStatus(String station, String contest, String status, long consensusEntry) {
        if (copied(PgCopy.Table.STATION_STATUS, "write station status", station, contest, status, consensusEntry))
            return;
        exec(
                "INSERT INTO station_status(station, contest, status, consensus_entry) VALUES (?,?,?,?) "
                        + "ON CONFLICT(station, contest)"
                        + " DO UPDATE SET status = excluded.status, consensus_entry = excluded.consensus_entry",
                station,
                contest,
                status,
                consensusEntry);
    }

    public void putFlag(long entryIdx, String rule, String message) {
        exec(
                "INSERT INTO sheet_flag(entry_idx, rule, message) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                entryIdx,
                rule,
                message);
    }

    /**
     * Queues a submission for the sequencer (an instance that is not the sequencer does this); returns
     * its id. Runs at once, not batched, to learn the id.
     */
    public long enqueueSubmission(byte[] payload, String account, long ms) {
        try (var p = c.prepareStatement(
                "INSERT INTO submission(payload, account, state, result, created_ms, done_ms) VALUES "
                        + "(?,?,'pending','',?,0) RETURNING id")) {
            p.setBytes(1, payload);
            p.setString(2, account);
            p.setLong(3, ms);
            try (var rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("queue a submission: " + e.getMessage(), e);
        }
    }

    private static final String FINISH_SUBMISSION =
            "UPDATE submission SET state = 'done', result = ?, done_ms = ? WHERE id = ? AND state = 'pending'";

    /** Withdraws pending submissions (see {@link Submissions#cancel}); returns how many were still pending. */
    int cancelSubmissions(List<Long> ids, long ms) {
        try {
            int n = 0;
            var p = c.prepareStatement(
                    "UPDATE submission SET state = 'cancelled', done_ms = ? WHERE id = ? AND state = 'pending'");
            try (p) {
                for (long id : ids) {
                    p.setLong(1, ms);
                    p.setLong(2, id);
                    n += p.executeUpdate();
                }
            }
            return n;
        } catch (SQLException e) {
            throw new StoreException("withdraw queued submissions: " + e.getMessage(), e);
        }
    }

    /**
     * Records the sequencer's answer to a queued submission, in the transaction that appended its entry; the commit
     * fails if it is no longer pending.
     */
    public void finishSubmission(long id, String result, long ms) {
        try {
            var p = ps(FINISH_SUBMISSION);
            p.setString(1, result);
            p.setLong(2, ms);
            p.setLong(3, id);
            p.addBatch();
        } catch (SQLException e) {
            throw new StoreException("record a submission's result", e);
        }
    }

    /** Deletes answered and withdrawn submissions older than {@code beforeMs} (their waiters have long given up). */
    public void purgeSubmissions(long beforeMs) {
        exec("DELETE FROM submission WHERE state <> 'pending' AND done_ms < ?", beforeMs);
    }

    /** A count that may be absent, as the bulk path keeps it: null when absent. */
    private static Long absent(long v) {
        return v == SummaryCounts.ABSENT ? null : v;
    }

    private static void optional(PreparedStatement p, int i, long v) throws SQLException {
        if (v == SummaryCounts.ABSENT) p.setNull(i, Types.BIGINT);
        else p.setLong(i, v);
    }

    private void exec(String sql, Object... args) {
        try {
            var p = ps(sql);
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof Long l) p.setLong(i + 1, l);
                else p.setString(i + 1, (String) a);
            }
            p.addBatch();
        } catch (SQLException e) {
            throw new StoreException("write " + sql.substring(0, Math.min(40, sql.length())), e);
        }
    }
}
