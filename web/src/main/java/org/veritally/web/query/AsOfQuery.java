package org.veritally.web.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.server.asof.AsOf;
import org.veritally.web.i18n.Lang;
import org.veritally.web.model.CandidateLine;
import org.veritally.web.model.ChildRow;
import org.veritally.web.model.ChildSort;
import org.veritally.web.model.Crumb;
import org.veritally.web.model.ElectionInfo;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.OverviewPage;
import org.veritally.web.model.ResultSummary;
import org.veritally.web.model.StationRow;
import org.veritally.web.model.UnitPage;

/**
 * Use case: the overview and unit pages as they stood at an earlier log size, read from the replayed
 * state of {@link AsOf} (never the live one): the same view models as {@link OverviewQuery} and {@link
 * UnitQuery}, so the same templates render them. A station row's status is the replayed reconciliation's.
 * Thread-safe (the as-of state is never written again).
 */
public final class AsOfQuery {
    private final AsOf a;

    public AsOfQuery(AsOf a) {
        this.a = a;
    }

    ElectionInfo info() {
        Election e = a.state().requireElection();
        Catalogue cat = a.state().catalogue();
        return new ElectionInfo(e.id(), e.name(), e.rootUnitId(), cat.stationCount(), cat.unitCount(), a.size());
    }

    LogStatus log() {
        return new LogStatus(
                a.size(), a.checkpoint().filter(c -> c.treeSize() == a.size()).map(c -> c.treeSize()));
    }

    public OverviewPage overview(Optional<String> view) {
        Election e = a.state().requireElection();
        var tab = a.state().tabulation();
        String v = Views.resolve(tab, view);
        Optional<String> root = Optional.of(e.rootUnitId());
        List<ResultSummary> contests = new ArrayList<>();
        for (Contest c : e.contests())
            contests.add(Results.summary(a.results().result(root, Optional.of(c.id()), v), c.name()));
        List<ChildRow> regions = new ArrayList<>();
        String first = e.contests().get(0).id();
        for (UnitResult r : a.results().children(root, Optional.of(first), v)) regions.add(Results.child(r, List.of()));
        return new OverviewPage(info(), Views.options(tab, v), v, contests, Results.levelName(e, 1), regions, log());
    }

    public UnitPage unit(String unitId, Optional<String> contestId, Optional<String> view, ChildSort sort, Lang lang) {
        Election e = a.state().requireElection();
        Catalogue cat = a.state().catalogue();
        int u = cat.unitIndex(unitId);
        if (u < 0) throw new NotFound("notfound.unit", unitId);
        Contest contest = UnitQuery.contest(e, contestId);
        String v = Views.resolve(a.state().tabulation(), view);
        var summary =
                Results.summary(a.results().result(Optional.of(unitId), Optional.of(contest.id()), v), contest.name());
        List<CandidateLine> columns = summary.candidates()
                .subList(0, Math.min(UnitQuery.COLUMNS, summary.candidates().size()));
        List<ChildRow> children = new ArrayList<>();
        for (UnitResult c : a.results().children(Optional.of(unitId), Optional.of(contest.id()), v))
            children.add(Results.child(c, columns));
        children.sort(ChildOrder.of(sort, columns, lang.locale()));
        Unit unit = cat.unit(u);
        return new UnitPage(
                info(),
                ancestry(cat.parent(u)),
                UnitQuery.crumb(e, unit),
                UnitQuery.contests(e, contest.id()),
                Views.options(a.state().tabulation(), v),
                summary,
                Results.levelName(e, unit.level() + 1),
                columns,
                children,
                sort,
                stations(cat, u, e.contestIndex(contest.id())));
    }

    private List<Crumb> ancestry(int unit) {
        if (unit < 0) return List.of();
        Election e = a.state().requireElection();
        Catalogue cat = a.state().catalogue();
        int[] up = cat.ancestry(unit);
        List<Crumb> out = new ArrayList<>(up.length);
        for (int i = up.length - 1; i >= 0; i--) out.add(UnitQuery.crumb(e, cat.unit(up[i])));
        return out;
    }

    private List<StationRow> stations(Catalogue cat, int u, int contest) {
        int sources = a.state().tabulation().sources().size();
        List<Integer> ids = cat.stationsOf(u);
        List<StationRow> out = new ArrayList<>(Math.min(ids.size(), UnitQuery.MAX_STATIONS));
        for (int s : ids.subList(0, Math.min(ids.size(), UnitQuery.MAX_STATIONS))) {
            Station st = cat.station(s);
            int copies = 0;
            for (int src = 0; src < sources; src++)
                if (a.state().sheets().get(CopyKey.of(s, contest, src)) >= 0) copies++;
            out.add(new StationRow(
                    st.id(),
                    st.name(),
                    st.registeredVoters(),
                    copies,
                    a.state().reconciliation().status(s, contest)));
        }
        return out;
    }
}
