package org.veritally.server.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.core.transcribe.Figures;
import org.veritally.core.validation.Problem;
import org.veritally.server.state.ElectionState;
import org.veritally.store.LogRow;
import org.veritally.store.SheetQueries.SheetFigures;
import org.veritally.store.Store;
import org.veritally.store.StoredSheet;

/**
 * The copies of a state that has no projections of its own (the election as of an earlier log size, issue 18):
 * which copy is current, which counts in the consensus view and which station × contest is disputed come from
 * the state's current-sheet index and reconciliation; a copy's figures from the log entry at its index (a
 * sheet's own, or those of the transcription that completed an agreement, {@link Figures#of}). Whole views are
 * read in index order, a page of the log at a time. Answers as {@link StoreCopies} would over a database
 * rebuilt from the same entries. Thread-safe as long as the state is no longer written (an as-of state never is).
 */
public final class LogCopies implements CopiesInHand {
    /** The most entries one read of the log spans. */
    private static final int PAGE = 4096;

    private final ElectionState state;
    private final Store store;

    public LogCopies(ElectionState state, Store store) {
        this.state = state;
        this.store = store;
    }

    @Override
    public void ofSource(String contest, String source, Consumer<SheetFigures> out) {
        int c = contest(contest);
        int src = state.tabulation().sourceIndex(source);
        if (c < 0 || src < 0) return;
        int n = state.catalogue().stationCount();
        long[] idx = new long[n];
        for (int s = 0; s < n; s++) idx[s] = state.sheets().get(CopyKey.of(s, c, src));
        read(idx, out);
    }

    @Override
    public Optional<SheetFigures> ofSource(String contest, String source, String station) {
        int c = contest(contest);
        int src = state.tabulation().sourceIndex(source);
        int s = state.catalogue().stationIndex(station);
        if (c < 0 || src < 0 || s < 0) return Optional.empty();
        long idx = state.sheets().get(CopyKey.of(s, c, src));
        return idx < 0 ? Optional.empty() : Optional.of(figures(station, sheet(idx)));
    }

    @Override
    public void consensus(String contest, Consumer<SheetFigures> out) {
        int c = contest(contest);
        if (c < 0) return;
        int n = state.catalogue().stationCount();
        long[] idx = new long[n];
        for (int s = 0; s < n; s++) idx[s] = state.reconciliation().consensusEntry(s, c);
        read(idx, out);
    }

    @Override
    public Optional<SheetFigures> consensus(String contest, String station) {
        int c = contest(contest);
        int s = state.catalogue().stationIndex(station);
        if (c < 0 || s < 0) return Optional.empty();
        long idx = state.reconciliation().consensusEntry(s, c);
        return idx < 0 ? Optional.empty() : Optional.of(figures(station, sheet(idx)));
    }

    @Override
    public List<StoredSheet> ofStation(String station) {
        int s = state.catalogue().stationIndex(station);
        if (s < 0 || state.election().isEmpty()) return List.of();
        Election e = state.requireElection();
        var sources = state.tabulation().sources();
        List<StoredSheet> out = new ArrayList<>();
        for (int c = 0; c < e.contests().size(); c++)
            for (int src = 0; src < sources.size(); src++) {
                long idx = state.sheets().get(CopyKey.of(s, c, src));
                if (idx < 0) continue;
                TallySheet sh = sheet(idx);
                out.add(new StoredSheet(station, sh.contestId(), sh.sourceId(), idx, sh.counts(), sh.votes()));
            }
        out.sort(Comparator.comparing(StoredSheet::contest).thenComparing(StoredSheet::source));
        return out;
    }

    @Override
    public void disputed(Consumer<String[]> out) {
        if (state.election().isEmpty()) return;
        Election e = state.requireElection();
        Catalogue cat = state.catalogue();
        List<String[]> all = new ArrayList<>();
        for (int s = 0; s < cat.stationCount(); s++)
            for (int c = 0; c < e.contests().size(); c++)
                if (state.reconciliation().status(s, c) == StationStatus.DISPUTED)
                    all.add(new String[] {
                        cat.station(s).id(), e.contests().get(c).id()
                    });
        all.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        all.forEach(out);
    }

    private int contest(String id) {
        return state.election().map(e -> e.contestIndex(id)).orElse(-1);
    }

    /** The figures of the copies at {@code indexByStation} (-1: none), read in log order. */
    private void read(long[] indexByStation, Consumer<SheetFigures> out) {
        int n = indexByStation.length;
        Integer[] order = new Integer[n];
        int k = 0;
        for (int s = 0; s < n; s++) if (indexByStation[s] >= 0) order[k++] = s;
        Integer[] wanted = Arrays.copyOf(order, k);
        Arrays.sort(wanted, Comparator.comparingLong(s -> indexByStation[s]));
        Catalogue cat = state.catalogue();
        int i = 0;
        while (i < wanted.length) {
            long from = indexByStation[wanted[i]];
            long to = Math.min(from + PAGE, indexByStation[wanted[wanted.length - 1]] + 1);
            List<LogRow> rows = store.readLog(from, (int) (to - from));
            if (rows.isEmpty()) throw new IllegalStateException("log entry " + from + " cannot be read");
            long end = from + rows.size();
            for (; i < wanted.length && indexByStation[wanted[i]] < end; i++) {
                LogRow row = rows.get((int) (indexByStation[wanted[i]] - from));
                out.accept(figures(cat.station(wanted[i]).id(), decode(row)));
            }
        }
    }

    private TallySheet sheet(long idx) {
        List<LogRow> rows = store.readLog(idx, 1);
        if (rows.isEmpty()) throw new IllegalStateException("log entry " + idx + " cannot be read");
        return decode(rows.get(0));
    }

    private TallySheet decode(LogRow row) {
        List<Problem> problems = new ArrayList<>();
        return state.codec()
                .decode(row.body(), "log entry " + row.idx(), problems)
                .flatMap(Figures::of)
                .orElseThrow(() -> new IllegalStateException("log entry " + row.idx() + " holds no copy: " + problems));
    }

    static SheetFigures figures(String station, TallySheet s) {
        SummaryCounts k = s.counts();
        StringBuilder votes = new StringBuilder();
        for (int i = 0; i < s.choiceCount(); i++) {
            if (i > 0) votes.append(',');
            votes.append(s.vote(i));
        }
        return new SheetFigures(station, k.ballotsCast(), k.valid(), k.nulls(), k.blank(), votes.toString());
    }
}
