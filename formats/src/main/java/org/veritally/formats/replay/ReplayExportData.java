package org.veritally.formats.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.core.reconcile.ConsensusPolicy;
import org.veritally.core.reconcile.Copy;
import org.veritally.core.reconcile.CopyDigest;
import org.veritally.core.reconcile.Verdict;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.Tally;
import org.veritally.core.tabulate.View;
import org.veritally.formats.export.ConsensusRow;
import org.veritally.formats.export.ElectionSnapshot;
import org.veritally.formats.export.ExportData;
import org.veritally.formats.export.StationSheet;
import org.veritally.formats.export.UnitTotal;

/**
 * {@link ExportData} over a finished {@link LogReplay}: the exports of the log itself at the replay's
 * size, with no database. A static mirror writes its exports from it ({@code publish --site}), and
 * {@code verify} writes them again from its own replay to compare (check {@code VFY-EXPORTS}), so
 * both sides run the same writers over the same state. Rows come in the orders {@link ExportData}
 * promises (ids in byte order); the reconciliation of each station × contest is {@link Verdict#of}
 * over its current copies, as in the live projection. A unit total is listed only when at least one
 * station counts in it (the results files do the same). The day of the first sheet, which the log
 * does not hold, is given. Not thread-safe.
 */
public final class ReplayExportData implements ExportData {
    private final LogReplay replay;
    private final Election election;
    private final Catalogue cat;
    private final Tabulation tab;
    private final ConsensusPolicy policy;
    private final ElectionSnapshot snapshot;
    private final int[] stationsById;
    private final int[] contestsById;
    private final int[] sourcesById;

    /**
     * @param replay a finished replay of a log holding an election
     * @param firstSheetDay the UTC day of the first sheet, for the NIST reports' default date
     */
    public ReplayExportData(LogReplay replay, Optional<String> firstSheetDay) {
        this.replay = replay;
        this.election = replay.election()
                .orElseThrow(() -> new IllegalArgumentException("the log holds no election: nothing to export"));
        this.cat = replay.catalogue();
        this.tab = replay.tabulation();
        this.policy = election.consensus();
        this.snapshot = new ElectionSnapshot(election, cat.units(), tab.sources(), replay.size(), firstSheetDay);
        this.stationsById = sorted(cat.stationCount(), i -> cat.station(i).id());
        this.contestsById = sorted(
                election.contests().size(), i -> election.contests().get(i).id());
        this.sourcesById =
                sorted(tab.sources().size(), i -> tab.sources().get(i).id());
    }

    private static int[] sorted(int n, java.util.function.IntFunction<String> id) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) ids[i] = id.apply(i);
        return java.util.stream.IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparing(i -> ids[i]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    @Override
    public ElectionSnapshot snapshot() {
        return snapshot;
    }

    /** The current copies of one station × contest, in source order, and their verdict. */
    private record Group(List<LogReplay.CurrentSheet> copies, List<Integer> sources, Verdict verdict) {
        boolean counted(LogReplay.CurrentSheet s) {
            return verdict.consensus().isPresent() && verdict.consensus().get().entryIndex() == s.index();
        }
    }

    private Group group(int station, int contest) {
        List<LogReplay.CurrentSheet> copies = new ArrayList<>(2);
        List<Integer> sources = new ArrayList<>(2);
        List<Copy> digests = new ArrayList<>(2);
        for (int src : sourcesById) {
            Optional<LogReplay.CurrentSheet> c = replay.current(station, contest, src);
            if (c.isEmpty()) continue;
            copies.add(c.get());
            sources.add(src);
            digests.add(new Copy(src, c.get().index(), CopyDigest.of(c.get().sheet())));
        }
        return new Group(copies, sources, Verdict.of(digests, policy));
    }

    private StationSheet sheet(Station st, Contest contest, LogReplay.CurrentSheet c, Group g) {
        var s = c.sheet();
        return new StationSheet(
                st,
                contest.id(),
                s.sourceId(),
                c.index(),
                s.counts(),
                s.votes(),
                g.verdict().status(),
                g.counted(c));
    }

    @Override
    public void sheets(Consumer<StationSheet> out) {
        for (int st : stationsById) {
            Station station = cat.station(st);
            for (int ct : contestsById) {
                Group g = group(st, ct);
                for (var c : g.copies())
                    out.accept(sheet(station, election.contests().get(ct), c, g));
            }
        }
    }

    @Override
    public void viewSheets(View view, Consumer<StationSheet> out) {
        int source;
        if (view instanceof View.OfSource s) {
            source = tab.sourceIndex(s.sourceId());
            if (source < 0) throw new IllegalArgumentException("unknown source " + s.sourceId());
        } else if (view instanceof View.Consensus) {
            source = Tabulation.CONSENSUS;
        } else {
            throw new IllegalArgumentException("resolve the view first: " + view.wire());
        }
        for (int st : stationsById) {
            Station station = cat.station(st);
            for (int ct : contestsById) {
                Group g = group(st, ct);
                for (int i = 0; i < g.copies().size(); i++) {
                    var c = g.copies().get(i);
                    boolean shown = source == Tabulation.CONSENSUS
                            ? g.counted(c)
                            : g.sources().get(i) == source;
                    if (shown) out.accept(sheet(station, election.contests().get(ct), c, g));
                }
            }
        }
    }

    @Override
    public void consensus(Consumer<ConsensusRow> out) {
        for (int st : stationsById) {
            Station station = cat.station(st);
            for (int ct : contestsById) {
                Contest contest = election.contests().get(ct);
                Group g = group(st, ct);
                Optional<StationSheet> counted = Optional.empty();
                for (var c : g.copies()) if (g.counted(c)) counted = Optional.of(sheet(station, contest, c, g));
                out.accept(new ConsensusRow(station, contest.id(), g.verdict().status(), counted));
            }
        }
    }

    @Override
    public void unitTotals(View view, Consumer<UnitTotal> out) {
        int source = view instanceof View.Consensus ? Tabulation.CONSENSUS : tab.sourceOf(view);
        if (view instanceof View.Official || source < 0)
            throw new IllegalArgumentException("resolve the view first: " + view.wire());
        int[] units = sorted(cat.unitCount(), i -> cat.unit(i).id());
        for (int u : units) {
            for (int ct : contestsById) {
                Tally t = tab.tally(ct, source, u);
                if (t.stations() == 0) continue;
                out.accept(new UnitTotal(
                        cat.unit(u).id(),
                        election.contests().get(ct).id(),
                        t.stations(),
                        t.ballots(),
                        t.valid(),
                        t.nulls(),
                        t.blank(),
                        t.votes()));
            }
        }
    }

    @Override
    public void stationsByUnit(Consumer<Station> out) {
        Station[] all = new Station[cat.stationCount()];
        for (int i = 0; i < all.length; i++) all[i] = cat.station(i);
        Arrays.sort(all, Comparator.comparing(Station::unitId).thenComparing(Station::id));
        for (Station s : all) out.accept(s);
    }

    /** The units in declaration order (parents first), as the snapshot lists them. */
    public List<Unit> units() {
        return snapshot.units();
    }

    /** The declared sources, in declaration order. */
    public List<Source> sources() {
        return snapshot.sources();
    }
}
