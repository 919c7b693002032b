package org.veritally.server.export;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.Unit;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.core.tabulate.View;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.export.ConsensusRow;
import org.veritally.formats.export.ElectionSnapshot;
import org.veritally.formats.export.ExportData;
import org.veritally.formats.export.StationSheet;
import org.veritally.formats.export.UnitTotal;
import org.veritally.store.Store;
import org.veritally.store.StoreException;

/**
 * {@link ExportData} over the store of a data directory, SQLite or PostgreSQL: every query runs in
 * one read snapshot ({@link #read}: a deferred transaction in WAL mode, or {@code REPEATABLE READ}),
 * so an export is one moment of the count while the server goes on writing. Rows are streamed from
 * cursors in primary-key order (on PostgreSQL fetched in pages), never collected, so memory does not
 * grow with the number of sheets. Not thread-safe: it lives on the thread of its snapshot.
 */
public final class StoreExportData implements ExportData {
  private static final String SHEET_COLUMNS = "sc.station, st.name, st.unit, st.registered, sc.contest, sc.source, sc.entry_idx, sc.registered,"
      + " sc.ballots, sc.valid, sc.nulls, sc.blank, sc.votes";
  private final Store store;
  private final ElectionSnapshot snapshot;
  private Station lastStation;

  private StoreExportData(Store store) {
    this.store = store;
    this.snapshot = readSnapshot();
  }

  /**
   * Runs {@code export} over the store's data, in one read snapshot, and returns what it returns.
   *
   * @throws IllegalArgumentException when the store holds no election
   */
  public static <T> T read(Store store, Function<StoreExportData, T> export) {
    return store.readSnapshot(() -> export.apply(new StoreExportData(store)));
  }

  @Override
  public ElectionSnapshot snapshot() {
    return snapshot;
  }

  private ElectionSnapshot readSnapshot() {
    List<String> bodies = new ArrayList<>();
    query("SELECT body FROM election", List.of(), rs -> bodies.add(rs.getString(1)));
    if (bodies.isEmpty()) throw new IllegalArgumentException("no election is defined in this data directory; nothing to export");
    List<org.veritally.core.validation.Problem> ps = new ArrayList<>();
    var entry = new EntryCodec(Optional.empty()).decode(bodies.get(0).getBytes(StandardCharsets.UTF_8), "election", ps);
    if (entry.isEmpty()) throw new IllegalStateException("stored election does not decode: " + ps);
    Election e = ((ElectionEntry) entry.get()).election();
    List<Unit> units = new ArrayList<>();
    query("SELECT id, name, level, parent FROM unit ORDER BY ord", List.of(), rs -> units.add(new Unit(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4))));
    List<Source> sources = new ArrayList<>();
    query("SELECT id, name, kind FROM source ORDER BY entry_idx", List.of(),
        rs -> sources.add(new Source(rs.getString(1), rs.getString(2), SourceKind.ofWire(rs.getString(3)))));
    long[] size = {0};
    query("SELECT COALESCE(MAX(idx) + 1, 0) FROM log_entry", List.of(), rs -> size[0] = rs.getLong(1));
    String[] day = {null};
    query("SELECT received_ms FROM log_entry WHERE kind = 'sheet' ORDER BY idx LIMIT 1", List.of(),
        rs -> day[0] = Instant.ofEpochMilli(rs.getLong(1)).atZone(ZoneOffset.UTC).toLocalDate().toString());
    return new ElectionSnapshot(e, units, sources, size[0], Optional.ofNullable(day[0]));
  }

  @Override
  public void sheets(Consumer<StationSheet> out) {
    query("SELECT " + SHEET_COLUMNS + ", ss.status, ss.consensus_entry FROM sheet_current sc JOIN station st ON st.id = sc.station"
        + " LEFT JOIN station_status ss ON ss.station = sc.station AND ss.contest = sc.contest ORDER BY sc.station, sc.contest, sc.source",
        List.of(), rs -> out.accept(sheet(rs, status(rs.getString(14)), countedInConsensus(rs))));
  }

  @Override
  public void viewSheets(View view, Consumer<StationSheet> out) {
    if (view instanceof View.OfSource s) {
      query("SELECT " + SHEET_COLUMNS + ", ss.status, ss.consensus_entry FROM sheet_current sc JOIN station st ON st.id = sc.station"
          + " LEFT JOIN station_status ss ON ss.station = sc.station AND ss.contest = sc.contest WHERE sc.source = ? ORDER BY sc.station, sc.contest",
          List.of(s.sourceId()), rs -> out.accept(sheet(rs, status(rs.getString(14)), countedInConsensus(rs))));
    } else if (view instanceof View.Consensus) {
      query("SELECT " + SHEET_COLUMNS + ", ss.status FROM station_status ss JOIN sheet_current sc ON sc.station = ss.station"
          + " AND sc.contest = ss.contest AND sc.entry_idx = ss.consensus_entry JOIN station st ON st.id = ss.station"
          + " WHERE ss.consensus_entry >= 0 ORDER BY ss.station, ss.contest", List.of(), rs -> out.accept(sheet(rs, status(rs.getString(14)), true)));
    } else {
      throw new IllegalArgumentException("resolve the view first: " + view.wire());
    }
  }

  @Override
  public void consensus(Consumer<ConsensusRow> out) {
    var contests = snapshot.election().contests();
    // contests in id order by position, not by the engine's collation (PostgreSQL's may not be byte-wise for a VALUES list)
    List<String> ids = contests.stream().map(ct -> ct.id()).sorted().toList();
    StringBuilder values = new StringBuilder();
    List<Object> args = new ArrayList<>(ids);
    for (int i = 0; i < ids.size(); i++) values.append(i == 0 ? "" : ", ").append("(?, ").append(i).append(')');
    query("WITH c(id, ord) AS (VALUES " + values + ") SELECT st.id, st.name, st.unit, st.registered, c.id, sc.source, sc.entry_idx, sc.registered,"
        + " sc.ballots, sc.valid, sc.nulls, sc.blank, sc.votes, ss.status FROM station st CROSS JOIN c"
        + " LEFT JOIN station_status ss ON ss.station = st.id AND ss.contest = c.id"
        + " LEFT JOIN sheet_current sc ON sc.station = st.id AND sc.contest = c.id AND sc.entry_idx = ss.consensus_entry ORDER BY st.id, c.ord", args, rs -> {
          StationStatus status = status(rs.getString(14));
          if (rs.getString(6) == null) {
            out.accept(new ConsensusRow(station(rs), rs.getString(5), status, Optional.empty()));
          } else {
            StationSheet s = sheet(rs, status, true);
            out.accept(new ConsensusRow(s.station(), s.contestId(), status, Optional.of(s)));
          }
        });
  }

  @Override
  public void unitTotals(View view, Consumer<UnitTotal> out) {
    String source;
    if (view instanceof View.OfSource s) source = s.sourceId();
    else if (view instanceof View.Consensus) source = "consensus";
    else throw new IllegalArgumentException("resolve the view first: " + view.wire());
    query("SELECT unit, contest, stations, ballots, valid, nulls, blank, votes FROM unit_total WHERE source = ? ORDER BY unit, contest", List.of(source),
        rs -> out.accept(new UnitTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
            Votes.parse(rs.getString(8)))));
  }

  @Override
  public void stationsByUnit(Consumer<Station> out) {
    query("SELECT id, name, unit, registered FROM station ORDER BY unit, id", List.of(),
        rs -> out.accept(new Station(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))));
  }

  /** Whether the copy of this row (entry_idx, column 7) is the consensus copy (column 15, NULL without a status). */
  private static boolean countedInConsensus(ResultSet rs) throws SQLException {
    long consensus = rs.getLong(15);
    return !rs.wasNull() && consensus == rs.getLong(7);
  }

  /** A sheet row selected with {@link #SHEET_COLUMNS} first. */
  private StationSheet sheet(ResultSet rs, StationStatus status, boolean counted) throws SQLException {
    Station st = station(rs);
    var counts = new SummaryCounts(opt(rs, 8), opt(rs, 9), rs.getLong(10), rs.getLong(11), opt(rs, 12));
    return new StationSheet(st, rs.getString(5), rs.getString(6), rs.getLong(7), counts, Votes.parse(rs.getString(13)), status, counted);
  }

  /** The station of columns 1-4, reusing the previous row's when it is the same. */
  private Station station(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    if (lastStation == null || !lastStation.id().equals(id)) lastStation = new Station(id, rs.getString(2), rs.getString(3), rs.getLong(4));
    return lastStation;
  }

  private static long opt(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? SummaryCounts.ABSENT : v;
  }

  private static StationStatus status(String s) {
    return s == null ? StationStatus.MISSING : StationStatus.valueOf(s.toUpperCase(Locale.ROOT));
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String sql, List<Object> args, Row row) {
    store.query(sql, args, rs -> {
      try {
        row.accept(rs);
      } catch (SQLException e) {
        throw new StoreException("export query failed: " + e.getMessage(), e);
      }
    });
  }
}
