package org.veritally.web.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.server.Instance;
import org.veritally.web.i18n.Lang;
import org.veritally.web.model.CandidateLine;
import org.veritally.web.model.ChildRow;
import org.veritally.web.model.ChildSort;
import org.veritally.web.model.Crumb;
import org.veritally.web.model.Option;
import org.veritally.web.model.StationRow;
import org.veritally.web.model.UnitPage;

/**
 * Use case: read one unit's page (its result, its children sorted, its own stations with the status
 * of their copies). Stations are listed up to {@value #MAX_STATIONS}; a unit holding more is a
 * catalogue that should have a level in between. Thread-safe (reads only).
 */
public final class UnitQuery {
    /** Leading candidates shown as columns of the children table (more would not fit a phone). */
    public static final int COLUMNS = 3;

    static final int MAX_STATIONS = 1000;
    private final Instance in;

    public UnitQuery(Instance in) {
        this.in = in;
    }

    public UnitPage read(String unitId, Optional<String> contestId, Optional<String> view, ChildSort sort, Lang lang) {
        Election e = in.state().requireElection();
        Catalogue cat = in.state().catalogue();
        int u = cat.unitIndex(unitId);
        if (u < 0) throw new NotFound("notfound.unit", unitId);
        Contest contest = contest(e, contestId);
        String v = Views.resolve(in.state().tabulation(), view);
        UnitResult r = in.results().result(Optional.of(unitId), Optional.of(contest.id()), v);
        var summary = Results.summary(r, contest.name());
        List<CandidateLine> columns = summary.candidates()
                .subList(0, Math.min(COLUMNS, summary.candidates().size()));
        List<ChildRow> children = new ArrayList<>();
        for (UnitResult c : in.results().children(Optional.of(unitId), Optional.of(contest.id()), v))
            children.add(Results.child(c, columns));
        children.sort(ChildOrder.of(sort, columns, lang.locale()));
        Unit unit = cat.unit(u);
        String childLevel = Results.levelName(e, unit.level() + 1);
        return new UnitPage(
                Results.info(in),
                ancestry(in, cat.parent(u)),
                crumb(e, unit),
                contests(e, contest.id()),
                Views.options(in.state().tabulation(), v),
                summary,
                childLevel,
                columns,
                children,
                sort,
                stations(cat, u, contest.id()));
    }

    static Contest contest(Election e, Optional<String> id) {
        if (id.isEmpty()) return e.contests().get(0);
        return e.contest(id.get()).orElseThrow(() -> new NotFound("notfound.contest", id.get()));
    }

    static List<Option> contests(Election e, String chosen) {
        List<Option> out = new ArrayList<>();
        for (Contest c : e.contests()) out.add(new Option(c.id(), c.name(), false, c.id().equals(chosen)));
        return out;
    }

    static Crumb crumb(Election e, Unit u) {
        return new Crumb(u.id(), u.name(), Results.levelName(e, u.level()));
    }

    /** The units from the root down to {@code unit} (inclusive); empty for -1. */
    public static List<Crumb> ancestry(Instance in, int unit) {
        if (unit < 0) return List.of();
        Election e = in.state().requireElection();
        Catalogue cat = in.state().catalogue();
        int[] up = cat.ancestry(unit);
        List<Crumb> out = new ArrayList<>(up.length);
        for (int i = up.length - 1; i >= 0; i--) out.add(crumb(e, cat.unit(up[i])));
        return out;
    }

    /**
     * The unit's own stations with their copies of the contest and the copies' status, from the live state (the
     * current-sheet index and the reconciliation, read under the index's monitor so that a batch the sequencer
     * publishes meanwhile is seen whole or not at all): no database read, where a query a station took most of a
     * village page's time (a Jakarta village has 451 TPS; docs/performance.md, issue 15).
     */
    private List<StationRow> stations(Catalogue cat, int u, String contestId) {
        var state = in.state();
        int contest = state.requireElection().contestIndex(contestId);
        int sources = state.tabulation().sources().size();
        var index = state.sheets();
        var reconciliation = state.reconciliation();
        List<Integer> ids = cat.stationsOf(u);
        List<StationRow> out = new ArrayList<>(Math.min(ids.size(), MAX_STATIONS));
        synchronized (index) {
            for (int s : ids.subList(0, Math.min(ids.size(), MAX_STATIONS))) {
                Station st = cat.station(s);
                out.add(new StationRow(
                        st.id(),
                        st.name(),
                        st.registeredVoters(),
                        index.copies(s, contest, sources),
                        reconciliation.status(s, contest)));
            }
        }
        return out;
    }
}
