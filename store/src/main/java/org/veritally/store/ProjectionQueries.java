package org.veritally.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;

/**
 * Reads the projection tables row by row, as start-up ({@code ElectionState.load}), the exports and
 * the discrepancy listing need them: the election, the catalogue, the sources, the current sheets'
 * keys and digests, the reconciliation statuses, the announcements and the unit totals. The large
 * tables are streamed to a callback, one small record per row, never collected. Uses the calling
 * thread's read connection (inside {@link Store#readSnapshot}, that snapshot); thread-safe.
 */
public final class ProjectionQueries {
    /**
     * A current sheet's key, the log entry that holds it and its reconciliation digest ({@code CopyDigest}'s two
     * longs).
     */
    public record SheetDigest(
            String station, String contest, String source, long entryIdx, long digestCore, long digestOpt) {}

    /**
     * A reconciliation status row: {@code agreed}, {@code disputed} or {@code single}; consensusEntry is -1 when no
     * copy is counted.
     */
    public record StatusRow(String station, String contest, String status, long consensusEntry) {}

    /** A disputed station × contest and the log index of its latest current copy (which made it so, or kept it). */
    public record DisputedRow(String station, String contest, long latestEntry) {}

    /** An announcement: the log entry that recorded it and that entry's canonical text. */
    public record AnnouncementRow(long entryIdx, String body) {}

    /**
     * A unit total of one contest in one view ({@code source} is a source id or {@code consensus}); votes
     * comma-separated in ballot order.
     */
    public record UnitTotalRow(
            String unit,
            String contest,
            String source,
            long stations,
            long registered,
            long ballots,
            long valid,
            long nulls,
            long blank,
            String votes) {}

    private static final String UNIT_TOTAL =
            "SELECT unit, contest, source, stations, registered, ballots, valid, nulls, blank, votes FROM unit_total";
    private final Store store;

    public ProjectionQueries(Store store) {
        this.store = store;
    }

    /** The canonical text of the election entry, if one is defined (the first row). */
    public Optional<String> electionBody() {
        List<String> bodies = new ArrayList<>(1);
        store.query("SELECT body FROM election", List.of(), rs -> bodies.add(Store.getString(rs, 1)));
        return bodies.stream().findFirst();
    }

    /** Every unit, in catalogue order (parents before their children). */
    public void units(Consumer<Unit> out) {
        store.query(
                "SELECT id, name, level, parent FROM unit ORDER BY ord",
                List.of(),
                rs -> out.accept(new Unit(
                        Store.getString(rs, 1),
                        Store.getString(rs, 2),
                        (int) Store.getLong(rs, 3),
                        Store.getString(rs, 4))));
    }

    /** Every declared source, in the order they were declared. */
    public void sources(Consumer<Source> out) {
        store.query(
                "SELECT id, name, kind FROM source ORDER BY entry_idx",
                List.of(),
                rs -> out.accept(new Source(
                        Store.getString(rs, 1), Store.getString(rs, 2), SourceKind.ofWire(Store.getString(rs, 3)))));
    }

    /** Every station, in catalogue order. */
    public void stations(Consumer<Station> out) {
        stations("SELECT id, name, unit, registered FROM station ORDER BY ord", out);
    }

    /**
     * Every station, in catalogue order, with its unit id passed through {@code unitId}: the caller hands back the
     * one string it already holds for that unit, so a million stations share their units' ids instead of each
     * holding a copy read from its row (issue 15: about 50 MB at a million stations).
     */
    public void stations(java.util.function.UnaryOperator<String> unitId, Consumer<Station> out) {
        store.query(
                "SELECT id, name, unit, registered FROM station ORDER BY ord",
                List.of(),
                rs -> out.accept(new Station(
                        Store.getString(rs, 1),
                        Store.getString(rs, 2),
                        unitId.apply(Store.getString(rs, 3)),
                        Store.getLong(rs, 4))));
    }

    /** Every station, by unit id and then station id (byte-wise on both engines). */
    public void stationsByUnit(Consumer<Station> out) {
        stations("SELECT id, name, unit, registered FROM station ORDER BY unit, id", out);
    }

    private void stations(String sql, Consumer<Station> out) {
        store.query(
                sql,
                List.of(),
                rs -> out.accept(new Station(
                        Store.getString(rs, 1), Store.getString(rs, 2), Store.getString(rs, 3), Store.getLong(rs, 4))));
    }

    /**
     * The key, entry and digest of every current sheet, in primary-key order (station, contest,
     * source): the copies of one station × contest come together.
     */
    public void sheetDigests(Consumer<SheetDigest> out) {
        store.query(
                "SELECT station, contest, source, entry_idx, digest_core, digest_opt FROM sheet_current "
                        + "ORDER BY station, contest, source",
                List.of(),
                rs -> out.accept(new SheetDigest(
                        Store.getString(rs, 1),
                        Store.getString(rs, 2),
                        Store.getString(rs, 3),
                        Store.getLong(rs, 4),
                        Store.getLong(rs, 5),
                        Store.getLong(rs, 6))));
    }

    /** The status rows whose status is not {@code status}, in no particular order. */
    public void statusesOtherThan(String status, Consumer<StatusRow> out) {
        store.query(
                "SELECT station, contest, status, consensus_entry FROM station_status WHERE status <> ?",
                List.of(status),
                rs -> out.accept(status(rs)));
    }

    /** The status rows whose status is {@code status}, by station and contest. */
    public void statusesOf(String status, Consumer<StatusRow> out) {
        store.query(
                "SELECT station, contest, status, consensus_entry FROM station_status WHERE status = ? "
                        + "ORDER BY station, contest",
                List.of(status),
                rs -> out.accept(status(rs)));
    }

    private static StatusRow status(java.sql.ResultSet rs) {
        return new StatusRow(
                Store.getString(rs, 1), Store.getString(rs, 2), Store.getString(rs, 3), Store.getLong(rs, 4));
    }

    /**
     * The {@code limit} disputed station × contest pairs whose latest current copy came last, latest
     * first (ties by station, contest): one indexed range and a join on the primary key of {@code
     * sheet_current}.
     */
    public void latestDisputed(int limit, Consumer<DisputedRow> out) {
        if (limit < 0) throw new IllegalArgumentException("limit < 0");
        store.query(
                "SELECT s.station, s.contest, MAX(c.entry_idx) FROM station_status s JOIN sheet_current c"
                        + " ON c.station = s.station AND c.contest = s.contest WHERE s.status = ?"
                        + " GROUP BY s.station, s.contest ORDER BY 3 DESC, s.station, s.contest LIMIT ?",
                List.of("disputed", (long) limit),
                rs -> out.accept(
                        new DisputedRow(Store.getString(rs, 1), Store.getString(rs, 2), Store.getLong(rs, 3))));
    }

    /** Every announcement, in log order. */
    public void announcements(Consumer<AnnouncementRow> out) {
        store.query(
                "SELECT entry_idx, body FROM announcement ORDER BY entry_idx",
                List.of(),
                rs -> out.accept(new AnnouncementRow(Store.getLong(rs, 1), Store.getString(rs, 2))));
    }

    /** The reported results an audit audits, fixed by its seed (migration V8; docs/audit.md). */
    public record AuditReportedRow(String audit, long seedIdx, long stations, long choices, String votes) {}

    /** Every audit's reported results fixed at its seed, by audit id. */
    public void auditReported(Consumer<AuditReportedRow> out) {
        store.query(
                "SELECT audit, seed_idx, stations, choices, votes FROM audit_reported ORDER BY audit",
                List.of(),
                rs -> out.accept(new AuditReportedRow(
                        Store.getString(rs, 1),
                        Store.getLong(rs, 2),
                        Store.getLong(rs, 3),
                        Store.getLong(rs, 4),
                        Store.getString(rs, 5))));
    }

    /** An evidence entry: its log index and its canonical text. */
    public record EvidenceRow(long entryIdx, String body) {}

    /** The flags kept with entry {@code entryIdx} (rule ID and message), by rule. */
    public List<Map<String, String>> flagsOf(long entryIdx) {
        List<Map<String, String>> out = new java.util.ArrayList<>();
        store.query(
                "SELECT rule, message FROM sheet_flag WHERE entry_idx = ? ORDER BY rule",
                List.of(entryIdx),
                rs -> out.add(Map.of("rule", Store.getString(rs, 1), "message", Store.getString(rs, 2))));
        return out;
    }

    /** Every evidence entry, in log order. */
    public void evidence(Consumer<EvidenceRow> out) {
        store.query(
                "SELECT entry_idx, body FROM evidence ORDER BY entry_idx",
                List.of(),
                rs -> out.accept(new EvidenceRow(Store.getLong(rs, 1), Store.getString(rs, 2))));
    }

    /** The evidence filed for {@code station}, in log order. */
    public List<EvidenceRow> evidenceOf(String station) {
        List<EvidenceRow> out = new java.util.ArrayList<>();
        store.query(
                "SELECT entry_idx, body FROM evidence WHERE station = ? ORDER BY entry_idx",
                List.of(station),
                rs -> out.add(new EvidenceRow(Store.getLong(rs, 1), Store.getString(rs, 2))));
        return out;
    }

    /** The evidence entries whose original or public copy has SHA-256 {@code sha256}, in log order. */
    public List<EvidenceRow> evidenceByHash(String sha256) {
        List<EvidenceRow> out = new java.util.ArrayList<>();
        store.query(
                "SELECT entry_idx, body FROM evidence WHERE sha256 = ? OR public_sha256 = ? ORDER BY entry_idx",
                List.of(sha256, sha256),
                rs -> out.add(new EvidenceRow(Store.getLong(rs, 1), Store.getString(rs, 2))));
        return out;
    }

    /** Every unit total of every view, in no particular order. */
    public void unitTotals(Consumer<UnitTotalRow> out) {
        store.query(UNIT_TOTAL, List.of(), rs -> out.accept(unitTotal(rs)));
    }

    /** The unit totals of one view ({@code source}: a source id or {@code consensus}), by unit and contest. */
    public void unitTotalsOf(String source, Consumer<UnitTotalRow> out) {
        store.query(
                UNIT_TOTAL + " WHERE source = ? ORDER BY unit, contest",
                List.of(source),
                rs -> out.accept(unitTotal(rs)));
    }

    private static UnitTotalRow unitTotal(java.sql.ResultSet rs) {
        return new UnitTotalRow(
                Store.getString(rs, 1),
                Store.getString(rs, 2),
                Store.getString(rs, 3),
                Store.getLong(rs, 4),
                Store.getLong(rs, 5),
                Store.getLong(rs, 6),
                Store.getLong(rs, 7),
                Store.getLong(rs, 8),
                Store.getLong(rs, 9),
                Store.getString(rs, 10));
    }
}
