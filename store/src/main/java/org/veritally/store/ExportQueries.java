package org.veritally.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;

/**
 * Reads the current sheets joined with their stations and reconciliation status, as the exports
 * list them. Rows are streamed from the cursor in primary-key order, never collected; consecutive
 * rows of one station share one {@link Station}. Run inside {@link Store#readSnapshot} for one
 * consistent moment. Thread-safe (each call keeps its own state).
 */
public final class ExportQueries {
    /**
     * A station and one copy of its sheet for a contest: the copy's source, log entry, counts and
     * votes (comma-separated, in ballot order), or, in {@link #consensus} only, no copy ({@code source},
     * {@code counts} and {@code votes} null, {@code entryIdx} -1). {@code status} is the station ×
     * contest's reconciliation status ({@code agreed}, {@code disputed}, {@code single}), null when it
     * has none; {@code consensusEntry} the log index of its counted copy, -1 when there is none.
     */
    public record ExportSheet(
            Station station,
            String contest,
            String source,
            long entryIdx,
            SummaryCounts counts,
            String votes,
            String status,
            long consensusEntry) {
        public boolean hasCopy() {
            return source != null;
        }

        /** Whether this copy is the one the consensus view counts. */
        public boolean countedInConsensus() {
            return source != null && consensusEntry >= 0 && consensusEntry == entryIdx;
        }
    }

    private static final String SHEET_COLUMNS =
            "sc.station, st.name, st.unit, st.registered, sc.contest, sc.source, sc.entry_idx, sc.registered,"
                    + " sc.ballots, sc.valid, sc.nulls, sc.blank, sc.votes, ss.status, ss.consensus_entry";
    private static final String ALL =
            "SELECT " + SHEET_COLUMNS + " FROM sheet_current sc JOIN station st ON st.id = sc.station"
                    + " LEFT JOIN station_status ss ON ss.station = sc.station AND ss.contest = sc.contest";
    private final Store store;

    public ExportQueries(Store store) {
        this.store = store;
    }

    /** Every current sheet of every source, by station, contest and source. */
    public void sheets(Consumer<ExportSheet> out) {
        query(ALL + " ORDER BY sc.station, sc.contest, sc.source", List.of(), out);
    }

    /** The current sheets of {@code source}, by station and contest. */
    public void sheetsOf(String source, Consumer<ExportSheet> out) {
        query(ALL + " WHERE sc.source = ? ORDER BY sc.station, sc.contest", List.of(source), out);
    }

    /** The consensus copies (each station × contest's counted copy, where it has one), by station and contest. */
    public void consensusSheets(Consumer<ExportSheet> out) {
        query(
                "SELECT " + SHEET_COLUMNS + " FROM station_status ss JOIN sheet_current sc ON sc.station = ss.station"
                        + " AND sc.contest = ss.contest AND sc.entry_idx = ss.consensus_entry JOIN "
                        + "station st ON st.id = ss.station"
                        + " WHERE ss.consensus_entry >= 0 ORDER BY ss.station, ss.contest",
                List.of(),
                out);
    }

    /**
     * Every station × contest of {@code contests}, by station id and then in the order of the list
     * given (not by the engine's collation): its counted copy, or none ({@link ExportSheet#hasCopy}).
     */
    public void consensus(List<String> contests, Consumer<ExportSheet> out) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < contests.size(); i++)
            values.append(i == 0 ? "" : ", ").append("(?, ").append(i).append(')');
        query(
                "WITH c(id, ord) AS (VALUES " + values
                        + ") SELECT st.id, st.name, st.unit, st.registered, c.id, sc.source, "
                        + "sc.entry_idx, sc.registered,"
                        + " sc.ballots, sc.valid, sc.nulls, sc.blank, sc.votes, ss.status, "
                        + "ss.consensus_entry FROM station st CROSS JOIN c"
                        + " LEFT JOIN station_status ss ON ss.station = st.id AND ss.contest = c.id"
                        + " LEFT JOIN sheet_current sc ON sc.station = st.id AND sc.contest = c.id AND "
                        + "sc.entry_idx = ss.consensus_entry ORDER BY st.id, c.ord",
                new ArrayList<>(contests),
                out);
    }

    private void query(String sql, List<Object> args, Consumer<ExportSheet> out) {
        Station[] last = {null};
        store.query(sql, args, rs -> {
            try {
                String id = rs.getString(1);
                if (last[0] == null || !last[0].id().equals(id))
                    last[0] = new Station(id, rs.getString(2), rs.getString(3), rs.getLong(4));
                String status = rs.getString(14);
                long consensus = rs.getLong(15);
                if (rs.wasNull()) consensus = -1;
                String source = rs.getString(6);
                if (source == null) {
                    out.accept(new ExportSheet(last[0], rs.getString(5), null, -1, null, null, status, consensus));
                    return;
                }
                var counts = new SummaryCounts(
                        SheetQueries.nullable(rs, 8),
                        SheetQueries.nullable(rs, 9),
                        rs.getLong(10),
                        rs.getLong(11),
                        SheetQueries.nullable(rs, 12));
                out.accept(new ExportSheet(
                        last[0], rs.getString(5), source, rs.getLong(7), counts, rs.getString(13), status, consensus));
            } catch (java.sql.SQLException e) {
                throw new StoreException("export query failed: " + e.getMessage(), e);
            }
        });
    }
}
