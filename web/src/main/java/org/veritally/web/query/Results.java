package org.veritally.web.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Election;
import org.veritally.core.tabulate.CandidateTotal;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.server.Instance;
import org.veritally.web.model.CandidateLine;
import org.veritally.web.model.ChildRow;
import org.veritally.web.model.Coverage;
import org.veritally.web.model.ElectionInfo;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.ResultSummary;

/** Converts the core's {@link UnitResult}s into view-model rows. Stateless. */
public final class Results {
    private Results() {}

    public static ElectionInfo info(Instance in) {
        Election e = in.state().requireElection();
        var cat = in.state().catalogue();
        return new ElectionInfo(
                e.id(),
                e.name(),
                e.rootUnitId(),
                cat.stationCount(),
                cat.unitCount(),
                in.state().logSize());
    }

    /** The log's size and its last signed checkpoint's size (one indexed read). */
    public static LogStatus log(Instance in) {
        Optional<Long> size =
                new org.veritally.store.CheckpointQueries(in.store()).latest().map(c -> c.treeSize());
        return new LogStatus(in.state().logSize(), size);
    }

    public static Coverage coverage(UnitResult r) {
        var d = r.denominator();
        return new Coverage(r.stationsReporting(), d.stations(), r.registeredVoters(), d.registered(), d.basis());
    }

    public static ResultSummary summary(UnitResult r, String contestName) {
        List<CandidateLine> cands = new ArrayList<>(r.candidates().size());
        for (CandidateTotal c : r.candidates()) cands.add(new CandidateLine(c.id(), c.name(), c.votes()));
        return new ResultSummary(
                r.unit(),
                r.contest(),
                contestName,
                r.view(),
                coverage(r),
                r.ballotsCast(),
                r.validVotes(),
                r.nullVotes(),
                r.blankVotes(),
                cands);
    }

    /** A child's row with the votes of the given column candidates, in their order. */
    public static ChildRow child(UnitResult r, List<CandidateLine> columns) {
        Map<String, Long> byId = new HashMap<>();
        for (CandidateTotal c : r.candidates()) byId.put(c.id(), c.votes());
        List<Long> votes = new ArrayList<>(columns.size());
        for (CandidateLine c : columns) votes.add(byId.getOrDefault(c.id(), 0L));
        return new ChildRow(r.unit(), r.unitName(), coverage(r), r.validVotes(), votes);
    }

    /** The level name of a unit at {@code level}, or "" where the election names fewer levels. */
    public static String levelName(Election e, int level) {
        return level >= 0 && level < e.levels().size() ? e.levels().get(level) : "";
    }
}
