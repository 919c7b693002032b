package org.veritally.server.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Denominator;
import org.veritally.core.model.Election;
import org.veritally.core.model.Unit;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.core.tabulate.View;
import org.veritally.core.validation.ReadRule;
import org.veritally.server.state.ElectionState;

/**
 * Use case: the result of a unit × contest × view with its coverage, straight from the live
 * in-memory tabulation (no database read), and the results of a unit's children. Thread-safe.
 */
public final class ReadResults {
    private final ElectionState state;

    public ReadResults(ElectionState state) {
        this.state = state;
    }

    public UnitResult result(Optional<String> unitId, Optional<String> contestId, String viewName) {
        Election e = state.election()
                .orElseThrow(() ->
                        new UsageProblem(ReadRule.RD_ELECTION, "no election is defined in this data directory yet"));
        String uid = unitId.orElse(e.rootUnitId());
        int u = state.catalogue().unitIndex(uid);
        if (u < 0) throw new UsageProblem(ReadRule.RD_UNIT, "unknown unit '" + uid + "'");
        return result(u, contest(e, contestId), view(viewName));
    }

    public List<UnitResult> children(Optional<String> unitId, Optional<String> contestId, String viewName) {
        Election e = state.requireElection();
        String uid = unitId.orElse(e.rootUnitId());
        int u = state.catalogue().unitIndex(uid);
        if (u < 0) throw new UsageProblem(ReadRule.RD_UNIT, "unknown unit '" + uid + "'");
        Contest c = contest(e, contestId);
        View v = view(viewName);
        List<UnitResult> out = new ArrayList<>();
        for (int child : state.catalogue().childUnits(u)) out.add(result(child, c, v));
        return out;
    }

    UnitResult result(int unit, Contest contest, View view) {
        Tabulation tab = state.tabulation();
        Election e = state.requireElection();
        int src = tab.sourceOf(view);
        Unit un = state.catalogue().unit(unit);
        var tally = tab.tally(e.contestIndex(contest.id()), src, unit);
        return UnitResult.of(
                un.id(),
                un.name(),
                contest,
                view,
                state.catalogue().stationsBelow(unit),
                state.catalogue().registeredBelow(unit),
                Denominator.of(e, state.catalogue(), unit),
                tally);
    }

    Contest contest(Election e, Optional<String> contestId) {
        if (contestId.isEmpty()) return e.contests().get(0);
        return e.contest(contestId.get())
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_CONTEST, "unknown contest '" + contestId.get() + "'"));
    }

    View view(String name) {
        View v = View.parse(name);
        if (v instanceof View.OfSource s && state.tabulation().sourceIndex(s.sourceId()) < 0) {
            throw new UsageProblem(
                    ReadRule.RD_VIEW,
                    "unknown view '" + name + "' (use official, or source:<id> of a declared source)");
        }
        if (v instanceof View.Official && state.tabulation().authority().isEmpty()) {
            throw new UsageProblem(
                    ReadRule.RD_VIEW,
                    "no authority source is declared, so there is no official view; use --view source:<id> (sources: "
                            + state.tabulation().sources().stream()
                                    .map(s -> s.id())
                                    .toList() + ")");
        }
        return v;
    }
}
