package org.veritally.web.query;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.validation.ReadRule;
import org.veritally.formats.timeline.Timeline;
import org.veritally.server.Instance;
import org.veritally.server.read.UsageProblem;
import org.veritally.web.model.ElectionInfo;
import org.veritally.web.model.TimelinePage;

/**
 * Use case: read the reporting timeline page of a unit × contest × view, from the instance's {@link
 * org.veritally.server.read.ReadTimeline} (which keeps and extends it as the log grows). The view
 * defaults as on unit pages; every view the results have (official, consensus, each source's) has one.
 * Thread-safe.
 */
public final class TimelineQuery {
    private final Instance in;

    public TimelineQuery(Instance in) {
        this.in = in;
    }

    public TimelinePage read(String unitId, Optional<String> contestId, Optional<String> view) {
        return read(unitId, contestId, view, OptionalLong.empty());
    }

    /**
     * The page as it stood at log size {@code at} (the live one when empty): the timeline cut at that size.
     *
     * @throws NotFound for a unit unknown now or at that size
     */
    public TimelinePage read(String unitId, Optional<String> contestId, Optional<String> view, OptionalLong at) {
        Election e = in.state().requireElection();
        var cat = in.state().catalogue();
        int u = cat.unitIndex(unitId);
        if (u < 0) throw new NotFound("notfound.unit", unitId);
        Contest contest = UnitQuery.contest(e, contestId);
        var tab = in.state().tabulation();
        String v = Views.resolve(tab, view);
        Timeline t;
        try {
            t = in.timeline().timeline(Optional.of(unitId), Optional.of(contest.id()), v, at);
        } catch (UsageProblem p) {
            if (p.rule() == ReadRule.RD_UNIT) throw new NotFound("notfound.unit", unitId);
            throw p;
        }
        var info = Results.info(in);
        if (at.isPresent())
            info = new ElectionInfo(
                    info.id(), info.name(), info.rootUnitId(), info.stations(), info.units(), at.getAsLong());
        List<String> names = tab.sources().stream().map(Source::name).toList();
        return new TimelinePage(
                info,
                UnitQuery.ancestry(in, cat.parent(u)),
                UnitQuery.crumb(e, cat.unit(u)),
                UnitQuery.contests(e, contest.id()),
                Views.options(tab, v),
                contest.name(),
                names.subList(0, Math.min(names.size(), t.sources().size())),
                t);
    }
}
