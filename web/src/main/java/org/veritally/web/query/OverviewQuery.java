package org.veritally.web.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.server.Instance;
import org.veritally.web.model.CandidateLine;
import org.veritally.web.model.ChildRow;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.OverviewPage;
import org.veritally.web.model.ResultSummary;

/**
 * Use case: read the election overview: each contest's result at the root in one view, the
 * top-level units with the first contest's coverage, and the log's status (with its last signed
 * checkpoint, once one exists). Thread-safe.
 */
public final class OverviewQuery {
    private final Instance in;

    public OverviewQuery(Instance in) {
        this.in = in;
    }

    public OverviewPage read(Optional<String> view) {
        Election e = in.state().requireElection();
        var tab = in.state().tabulation();
        String v = Views.resolve(tab, view);
        Optional<String> root = Optional.of(e.rootUnitId());
        List<ResultSummary> contests = new ArrayList<>();
        for (Contest c : e.contests())
            contests.add(Results.summary(in.results().result(root, Optional.of(c.id()), v), c.name()));
        List<CandidateLine> none = List.of();
        List<ChildRow> regions = new ArrayList<>();
        String first = e.contests().get(0).id();
        for (UnitResult r : in.results().children(root, Optional.of(first), v)) regions.add(Results.child(r, none));
        LogStatus log = Results.log(in);
        return new OverviewPage(
                Results.info(in), Views.options(tab, v), v, contests, Results.levelName(e, 1), regions, log);
    }
}
