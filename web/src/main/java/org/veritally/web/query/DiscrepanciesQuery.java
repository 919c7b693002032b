package org.veritally.web.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.server.Instance;
import org.veritally.server.asof.AsOf;
import org.veritally.server.read.ReadDiscrepancies;
import org.veritally.server.read.ReadState;
import org.veritally.server.state.ElectionState;
import org.veritally.store.StoredSheet;
import org.veritally.web.model.Crumb;
import org.veritally.web.model.DiscrepanciesPage;
import org.veritally.web.model.DiscrepancySummary;
import org.veritally.web.model.DisputedStation;
import org.veritally.web.model.ElectionInfo;
import org.veritally.web.model.FieldRow;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.Option;
import org.veritally.web.model.SheetCopy;

/**
 * Use case: read the discrepancies page: the live summary, and the disputed stations below a place
 * where a source's copy differs ({@link ReadDiscrepancies}, the same answer as {@code GET
 * /api/discrepancies}). At most {@value #MAX_READ} stations are read, so a page stays quick even if
 * a bad import disputes half the country; the reader narrows by place. Only the differing fields
 * are kept per station, with every copy's value. Thread-safe (reads only).
 */
public final class DiscrepanciesQuery {
    static final int MAX_READ = 2000;
    private final Instance in;

    public DiscrepanciesQuery(Instance in) {
        this.in = in;
    }

    public DiscrepanciesPage read(Optional<String> unit, Optional<String> source) {
        return read(ReadState.live(in), Results.info(in), Results.log(in), unit, source);
    }

    /**
     * The page as the election stood at an earlier log size (issue 18): the replayed state's reconciliation
     * and the copies current then, read back from the log.
     */
    public DiscrepanciesPage read(AsOf a, Optional<String> unit, Optional<String> source) {
        AsOfQuery q = new AsOfQuery(a);
        return read(ReadState.replayed(a.state(), a.results(), in.store()), q.info(), q.log(), unit, source);
    }

    private DiscrepanciesPage read(
            ReadState r, ElectionInfo info, LogStatus log, Optional<String> unit, Optional<String> source) {
        ElectionState state = r.state();
        Election e = state.requireElection();
        Catalogue cat = state.catalogue();
        Tabulation tab = state.tabulation();
        int root = cat.unitIndex(e.rootUnitId());
        int u = unit.map(cat::unitIndex).orElse(root);
        if (u < 0) throw new NotFound("notfound.unit", unit.get());
        if (source.isPresent() && tab.sourceIndex(source.get()) < 0)
            throw new NotFound("notfound.source", source.get());
        Optional<String> below = u == root ? Optional.empty() : unit;
        var read = new ReadDiscrepancies(state, r.copies());
        var report = read.report(below, source, MAX_READ + 1);
        boolean truncated = report.stations().size() > MAX_READ;
        Map<String, String> sourceNames = new LinkedHashMap<>();
        for (Source s : tab.sources()) sourceNames.put(s.id(), s.name());
        List<DisputedStation> rows = new ArrayList<>();
        Map<Integer, Long> perChild = new LinkedHashMap<>();
        for (var d : report.stations()
                .subList(0, Math.min(MAX_READ, report.stations().size()))) {
            int st = cat.stationIndex(d.station());
            int stUnit = cat.unitOfStation(st);
            int child = childOnTheWay(cat, stUnit, u);
            if (child >= 0) perChild.merge(child, 1L, Long::sum);
            rows.add(row(r, e, cat, d, st, stUnit, sourceNames));
        }
        List<DiscrepancySummary.Count> places = new ArrayList<>();
        for (int c : cat.childUnits(u)) {
            Long n = perChild.get(c);
            if (n != null)
                places.add(new DiscrepancySummary.Count(
                        cat.unit(c).id(), cat.unit(c).name(), n));
        }
        List<Crumb> trail = u == root ? List.of() : ancestry(e, cat, u);
        String level = Results.levelName(e, cat.unit(u).level() + 1);
        return new DiscrepanciesPage(
                info,
                summary(state, e, cat, tab),
                sources(tab, source),
                source,
                trail,
                places,
                level,
                rows,
                truncated,
                log);
    }

    private static List<Crumb> ancestry(Election e, Catalogue cat, int unit) {
        int[] up = cat.ancestry(unit);
        List<Crumb> out = new ArrayList<>(up.length);
        for (int i = up.length - 1; i >= 0; i--) out.add(UnitQuery.crumb(e, cat.unit(up[i])));
        return out;
    }

    /**
     * The child of {@code unit} on the way down to {@code target}, or -1 when target is unit itself or not below it.
     */
    static int childOnTheWay(Catalogue cat, int target, int unit) {
        int[] up = cat.ancestry(target);
        for (int i = 1; i < up.length; i++) if (up[i] == unit) return up[i - 1];
        return -1;
    }

    private static DiscrepancySummary summary(ElectionState state, Election e, Catalogue cat, Tabulation tab) {
        var s = state.reconciliation()
                .summary((long) cat.stationCount() * e.contests().size());
        List<DiscrepancySummary.Count> single = new ArrayList<>();
        List<Source> sources = tab.sources();
        for (int i = 0; i < sources.size(); i++) {
            long n = i < s.singleBySource().length ? s.singleBySource()[i] : 0;
            single.add(new DiscrepancySummary.Count(
                    sources.get(i).id(), sources.get(i).name(), n));
        }
        return new DiscrepancySummary(
                s.agreed(),
                s.disputed(),
                single,
                s.missing(),
                cat.stationCount(),
                e.contests().size());
    }

    private static List<Option> sources(Tabulation tab, Optional<String> chosen) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "discrepancies.allsources", true, chosen.isEmpty()));
        for (Source s : tab.sources()) out.add(new Option(s.id(), s.name(), false, chosen.equals(Optional.of(s.id()))));
        return out;
    }

    private static DisputedStation row(
            ReadState r,
            Election e,
            Catalogue cat,
            ReadDiscrepancies.Station d,
            int st,
            int stUnit,
            Map<String, String> names) {
        Contest c = e.contest(d.contest()).orElseThrow();
        List<StoredSheet> copies = new ArrayList<>();
        List<SheetCopy> heads = new ArrayList<>();
        long consensus = r.state().reconciliation().consensusEntry(st, e.contestIndex(c.id()));
        List<StoredSheet> all = r.copies().ofStation(d.station());
        for (String sourceId : names.keySet()) {
            for (StoredSheet s : all) {
                if (!s.contest().equals(c.id()) || !s.source().equals(sourceId)) continue;
                copies.add(s);
                var tab = r.state().tabulation();
                var src = tab.sources().get(tab.sourceIndex(sourceId));
                heads.add(new SheetCopy(
                        sourceId,
                        src.name(),
                        src.kind().wire(),
                        s.entryIdx(),
                        s.entryIdx() == consensus,
                        Optional.empty()));
            }
        }
        List<FieldRow> differing = StationQuery.rows(c, copies).stream()
                .filter(FieldRow::anyDiffers)
                .toList();
        return new DisputedStation(
                d.station(), cat.station(st).name(), cat.unit(stUnit).name(), c.id(), c.name(), heads, differing);
    }
}
