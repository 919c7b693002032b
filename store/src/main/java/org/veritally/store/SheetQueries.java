package org.veritally.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veritally.core.model.SummaryCounts;

/**
 * Reads the current sheets of one contest in one view, as the statistics and the announcement check
 * need them: a source's copies ({@code sheet_current} by contest and source), or the consensus
 * copies (the copy whose log index {@code station_status.consensus_entry} names). Whole views are
 * streamed to a callback, one small record per row; single stations are primary-key lookups. Uses
 * the calling thread's read connection; thread-safe.
 */
public final class SheetQueries {
    /**
     * The figures of one sheet: ballots cast and blank are {@link SummaryCounts#ABSENT} where the sheet
     * does not carry them; votes comma-separated in ballot (choice) order, as stored.
     */
    public record SheetFigures(String station, long ballots, long valid, long nulls, long blank, String votes) {}

    private static final String COLUMNS = "s.station, s.ballots, s.valid, s.nulls, s.blank, s.votes";
    private static final String OF_SOURCE =
            "SELECT " + COLUMNS + " FROM sheet_current s WHERE s.contest = ? AND s.source = ?";
    private static final String CONSENSUS = "SELECT " + COLUMNS + " FROM station_status st JOIN sheet_current s"
            + " ON s.station = st.station AND s.contest = st.contest AND s.entry_idx = st.consensus_entry"
            + " WHERE st.contest = ? AND st.consensus_entry >= 0";
    private final Store store;

    public SheetQueries(Store store) {
        this.store = store;
    }

    /** Every current sheet of {@code source} for {@code contest}, in no particular order. */
    public void ofSource(String contest, String source, Consumer<SheetFigures> out) {
        store.query(OF_SOURCE, List.of(contest, source), rs -> out.accept(figures(rs)));
    }

    /** The sheet of {@code source} for {@code contest} at {@code station}, if there is one. */
    public Optional<SheetFigures> ofSource(String contest, String source, String station) {
        return one(OF_SOURCE + " AND s.station = ?", List.of(contest, source, station));
    }

    /** Every consensus copy of {@code contest} (stations without a counted copy have none), in no particular order. */
    public void consensus(String contest, Consumer<SheetFigures> out) {
        store.query(CONSENSUS, List.of(contest), rs -> out.accept(figures(rs)));
    }

    /** The consensus copy of {@code contest} at {@code station}, if one is counted. */
    public Optional<SheetFigures> consensus(String contest, String station) {
        return one(CONSENSUS + " AND st.station = ?", List.of(contest, station));
    }

    private Optional<SheetFigures> one(String sql, List<Object> args) {
        List<SheetFigures> out = new ArrayList<>(1);
        store.query(sql, args, rs -> out.add(figures(rs)));
        return out.stream().findFirst();
    }

    private static SheetFigures figures(java.sql.ResultSet rs) {
        try {
            return new SheetFigures(
                    rs.getString(1), nullable(rs, 2), rs.getLong(3), rs.getLong(4), nullable(rs, 5), rs.getString(6));
        } catch (java.sql.SQLException e) {
            throw new StoreException("read sheet", e);
        }
    }

    static long nullable(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? SummaryCounts.ABSENT : v;
    }
}
