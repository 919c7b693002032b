package org.veritally.server.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.SummaryCounts;
import org.veritally.server.state.ElectionState;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.StationCounts;
import org.veritally.store.Store;

/**
 * Adapter from the store to the {@code stats} module: streams the current sheets of a contest × view out of
 * {@code sheet_current} and turns each into a {@link StationCounts}.
 *
 * <p>Which sheet: for {@code official} the authority source's, for {@code source:<id>} that source's, and for
 * {@code consensus} the copy whose log index the reconciliation recorded in {@code station_status
 * .consensus_entry}. Mapping: station id and registered voters from the catalogue (the figures the
 * tabulation's coverage uses); {@code centreId} = the station's unit; {@code stratum} = its ancestor at the
 * given {@link StrataLevel}; ballots cast as printed, or valid + null + blank where the sheet does not carry
 * them (as the tabulation does); votes per candidate = the sum of the candidate's ballot lines.
 *
 * <p>One pass, no per-row allocation beyond the result (a million stations read in about a second).
 * Thread-safe: each call reads with the calling thread's connection.
 */
public final class StationCountsReader {
  private static final String COLUMNS = "s.station, s.ballots, s.valid, s.nulls, s.blank, s.votes";
  private static final String BY_SOURCE = "SELECT " + COLUMNS + " FROM sheet_current s WHERE s.contest = ? AND s.source = ?";
  private static final String CONSENSUS = "SELECT " + COLUMNS + " FROM station_status st JOIN sheet_current s"
      + " ON s.station = st.station AND s.contest = st.contest AND s.entry_idx = st.consensus_entry"
      + " WHERE st.contest = ? AND st.consensus_entry >= 0";

  private final Store store;

  public StationCountsReader(Store store) {
    this.store = store;
  }

  /** The candidates of {@code contest}, in its order. */
  public static CandidateSet candidates(Contest contest) {
    return new CandidateSet(contest.candidates().stream().map(c -> c.id()).toList(),
        contest.candidates().stream().map(c -> c.name()).toList());
  }

  /** Every station with a sheet in the view. */
  public ViewStations read(ElectionState state, ViewScope scope, StrataLevel strata) {
    return read(state, scope, strata, station -> true);
  }

  /** The stations with a sheet in the view whose catalogue index {@code include} accepts. */
  public ViewStations read(ElectionState state, ViewScope scope, StrataLevel strata, IntPredicate include) {
    Catalogue cat = state.catalogue();
    String[] stratumOfUnit = strata.stratumOfUnits(cat);
    Contest contest = scope.contest();
    int[] candidateOfChoice = contest.candidateOfChoice();
    int candidates = contest.candidates().size();
    StationCounts[] byIndex = new StationCounts[cat.stationCount()];
    List<Object> args = scope.consensus() ? List.of(contest.id()) : List.of(contest.id(), scope.sourceId());
    store.query(scope.consensus() ? CONSENSUS : BY_SOURCE, args, rs -> {
      String id = Store.getString(rs, 1);
      int st = cat.stationIndex(id);
      if (st < 0) {
        throw new IllegalStateException("sheet_current names station " + id + ", which the catalogue lacks");
      }
      if (st >= byIndex.length || !include.test(st)) {
        // A station declared after this read began belongs to the next read.
        return;
      }
      var station = cat.station(st);
      int unit = cat.unitOfStation(st);
      long ballots = nullable(rs, 2);
      long valid = Store.getLong(rs, 3);
      long nulls = Store.getLong(rs, 4);
      long blank = nullable(rs, 5);
      long cast = new SummaryCounts(SummaryCounts.ABSENT, ballots, valid, nulls, blank).ballotsOrSum();
      long[] votes = votes(Store.getString(rs, 6), candidateOfChoice, candidates, id);
      byIndex[st] = new StationCounts(station.id(), cat.unit(unit).id(), stratumOfUnit[unit], station.registeredVoters(), cast, votes);
    });
    List<StationCounts> out = new ArrayList<>();
    for (StationCounts s : byIndex) {
      if (s != null) {
        out.add(s);
      }
    }
    return new ViewStations(scope, candidates(contest), out, cat.stationCount());
  }

  private static long nullable(java.sql.ResultSet rs, int column) {
    try {
      long v = rs.getLong(column);
      return rs.wasNull() ? SummaryCounts.ABSENT : v;
    } catch (java.sql.SQLException e) {
      throw new org.veritally.store.StoreException("read sheet", e);
    }
  }

  /** Parses the comma-separated choice votes and adds them up per candidate. */
  static long[] votes(String text, int[] candidateOfChoice, int candidates, String station) {
    long[] out = new long[candidates];
    int choice = 0;
    long n = 0;
    boolean digits = false;
    for (int i = 0, len = text.length(); i <= len; i++) {
      char ch = i < len ? text.charAt(i) : ',';
      if (ch == ',') {
        if (!digits || choice >= candidateOfChoice.length) {
          throw new IllegalStateException("malformed stored votes at station " + station + ": " + text);
        }
        out[candidateOfChoice[choice++]] += n;
        n = 0;
        digits = false;
      } else if (ch >= '0' && ch <= '9') {
        n = Math.addExact(Math.multiplyExact(n, 10), ch - '0');
        digits = true;
      } else {
        throw new IllegalStateException("malformed stored votes at station " + station + ": " + text);
      }
    }
    if (choice != candidateOfChoice.length) {
      throw new IllegalStateException("station " + station + " has " + choice + " choice votes, the contest " + candidateOfChoice.length);
    }
    return out;
  }
}
