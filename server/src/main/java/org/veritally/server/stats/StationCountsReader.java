package org.veritally.server.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.SummaryCounts;
import org.veritally.server.read.CopiesInHand;
import org.veritally.server.read.StoreCopies;
import org.veritally.server.state.ElectionState;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.StationCounts;
import org.veritally.store.SheetQueries;
import org.veritally.store.SheetQueries.SheetFigures;
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
 * <p>{@link #read(ElectionState, ViewScope, StrataLevel)} streams the whole view in one pass ({@link SheetQueries})
 * with no per-row allocation beyond the result and the store's small row record (a million stations in about
 * 1.3 s); {@link #readStations} looks a sample's stations up by primary key instead. Thread-safe: each call
 * reads with the calling thread's connection.
 */
public final class StationCountsReader {
    private final CopiesInHand sheets;

    public StationCountsReader(Store store) {
        this(new StoreCopies(store));
    }

    /** A reader of the copies {@code sheets} holds (live, or as of an earlier log size). */
    public StationCountsReader(CopiesInHand sheets) {
        this.sheets = sheets;
    }

    /** The candidates of {@code contest}, in its order. */
    public static CandidateSet candidates(Contest contest) {
        return new CandidateSet(
                contest.candidates().stream().map(c -> c.id()).toList(),
                contest.candidates().stream().map(c -> c.name()).toList());
    }

    /** Every station with a sheet in the view, in catalogue order. */
    public ViewStations read(ElectionState state, ViewScope scope, StrataLevel strata) {
        // Size first: units precede their stations, so every station counted here has its stratum below.
        StationCounts[] byIndex = new StationCounts[state.catalogue().stationCount()];
        Rows rows = new Rows(state, scope, strata);
        Consumer<SheetFigures> row = f -> {
            String id = f.station();
            int st = rows.cat.stationIndex(id);
            if (st < 0) {
                throw new IllegalStateException("sheet_current names station " + id + ", which the catalogue lacks");
            }
            // A station declared after this read began belongs to the next read.
            if (st < byIndex.length) {
                byIndex[st] = rows.counts(f, st);
            }
        };
        if (scope.consensus()) sheets.consensus(scope.contestId(), row);
        else sheets.ofSource(scope.contestId(), scope.sourceId(), row);
        List<StationCounts> out = new ArrayList<>();
        for (StationCounts s : byIndex) {
            if (s != null) {
                out.add(s);
            }
        }
        return new ViewStations(scope, candidates(scope.contest()), out, byIndex.length);
    }

    /**
     * The stations among {@code stationIndices} (catalogue indices) that have a sheet in the view, in the
     * given order, looked up one by one: for a sample, much cheaper than streaming the whole view.
     */
    public ViewStations readStations(ElectionState state, ViewScope scope, StrataLevel strata, int[] stationIndices) {
        Rows rows = new Rows(state, scope, strata);
        List<StationCounts> out = new ArrayList<>();
        for (int st : stationIndices) {
            String id = rows.cat.station(st).id();
            var sheet = scope.consensus()
                    ? sheets.consensus(scope.contestId(), id)
                    : sheets.ofSource(scope.contestId(), scope.sourceId(), id);
            sheet.ifPresent(f -> out.add(rows.counts(f, st)));
        }
        return new ViewStations(scope, candidates(scope.contest()), out, rows.cat.stationCount());
    }

    /** What turning rows into {@link StationCounts} needs, computed once per read. */
    private static final class Rows {
        final Catalogue cat;
        final String[] stratumOfUnit;
        final int[] candidateOfChoice;
        final int candidates;

        Rows(ElectionState state, ViewScope scope, StrataLevel strata) {
            this.cat = state.catalogue();
            this.stratumOfUnit = strata.stratumOfUnits(cat);
            this.candidateOfChoice = scope.contest().candidateOfChoice();
            this.candidates = scope.contest().candidates().size();
        }

        StationCounts counts(SheetFigures f, int st) {
            var station = cat.station(st);
            int unit = cat.unitOfStation(st);
            long cast = new SummaryCounts(SummaryCounts.ABSENT, f.ballots(), f.valid(), f.nulls(), f.blank())
                    .ballotsOrSum();
            long[] votes = votes(f.votes(), candidateOfChoice, candidates, station.id());
            String stratum = unit < stratumOfUnit.length
                    ? stratumOfUnit[unit]
                    : cat.unit(unit).id();
            return new StationCounts(
                    station.id(), cat.unit(unit).id(), stratum, station.registeredVoters(), cast, votes);
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
            throw new IllegalStateException(
                    "station " + station + " has " + choice + " choice votes, the contest " + candidateOfChoice.length);
        }
        return out;
    }
}
