package org.veritally.server.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Candidate;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.server.Instance;
import org.veritally.server.read.ReadState;
import org.veritally.stats.announced.Irreversibility;
import org.veritally.stats.announced.ShareThreshold;

/**
 * Use case: can the stations a view has not reported yet still change its outcome ({@code ST-IRREV})? Reads
 * the view's live national total (no database read) and bounds it with {@link Irreversibility}: the
 * remaining registered voters are those of the catalogue's stations without a sheet in the view. Labels are
 * candidate ids. Thread-safe.
 */
public final class ReadIrreversibility {
    private final java.util.function.Supplier<ReadState> reads;

    public ReadIrreversibility(Instance instance) {
        this(() -> ReadState.live(instance));
    }

    /** The irreversibility of what {@code reads} gives at each call (live, or a fixed earlier state). */
    public ReadIrreversibility(java.util.function.Supplier<ReadState> reads) {
        this.reads = reads;
    }

    /**
     * The irreversibility of {@code contestId} (default: the first contest) in {@code view}.
     *
     * @throws org.veritally.server.read.UsageProblem for an unknown contest or view
     * @throws StatsParameterProblem if the contest has fewer than two candidates
     */
    public ViewIrreversibility run(Optional<String> contestId, String view) {
        ReadState at = reads.get();
        ViewScope scope = ViewScope.resolve(at.state(), contestId, view);
        List<Candidate> candidates = scope.contest().candidates();
        if (candidates.size() < 2) {
            throw new StatsParameterProblem("contest " + scope.contestId() + " has one candidate: no lead to assess");
        }
        UnitResult r = at.results().result(Optional.empty(), Optional.of(scope.contestId()), scope.viewName());
        Map<String, Long> byId = new HashMap<>();
        r.candidates().forEach(c -> byId.put(c.id(), c.votes()));
        List<String> labels = candidates.stream().map(Candidate::id).toList();
        long[] votes = new long[labels.size()];
        long valid = 0;
        for (int i = 0; i < votes.length; i++) {
            votes[i] = byId.getOrDefault(labels.get(i), 0L);
            valid += votes[i];
        }
        // The bound rests on the whole election where it is declared: stations missing from the catalogue
        // are unreported too (docs/coverage.md).
        var d = r.denominator();
        long remaining = d.registered() - r.registeredVoters();
        return new ViewIrreversibility(
                scope.contestId(),
                scope.viewName(),
                r.stationsReporting(),
                d.stations(),
                r.registeredVoters(),
                d.registered(),
                d.basis().wire(),
                valid,
                Irreversibility.assess(labels, votes, remaining),
                Irreversibility.againstThreshold(labels, votes, remaining, ShareThreshold.moreThanHalf()));
    }
}
