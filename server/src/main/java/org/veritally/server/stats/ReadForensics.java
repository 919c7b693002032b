package org.veritally.server.stats;

import java.util.Optional;
import org.veritally.server.Instance;
import org.veritally.server.read.ReadState;
import org.veritally.server.read.UsageProblem;
import org.veritally.server.state.ElectionState;
import org.veritally.stats.fingerprint.FingerprintSvg;
import org.veritally.stats.report.Forensics;
import org.veritally.stats.report.ForensicsOptions;

/**
 * Use case: runs {@link Forensics#run} over every station of a contest × view with its current sheet, with
 * the {@code stats} module's documented defaults and a given bootstrap seed (reported in every {@code
 * ST-2BL} interval), and renders the fingerprint as SVG.
 *
 * <p>A million stations take a few seconds, so the last result is kept and reused while the log has not
 * grown (same contest, view and seed): the JSON and the SVG of one page view cost one computation.
 * Thread-safe.
 */
public final class ReadForensics {
    /** The bootstrap seed when none is given. Fixed, so that the same data always gives the same report. */
    public static final long DEFAULT_SEED = 1;

    private final java.util.function.Supplier<ReadState> reads;
    private volatile Cached last;

    private record Key(String contest, String view, ForensicsOptions options, long logSize) {}

    private record Cached(Key key, ViewForensics result) {}

    public ReadForensics(Instance instance) {
        this(() -> ReadState.live(instance));
    }

    /** Forensics of what {@code reads} gives at each call (live, or a fixed earlier state). */
    public ReadForensics(java.util.function.Supplier<ReadState> reads) {
        this.reads = reads;
    }

    /**
     * The forensic report of {@code contestId} (default: the first contest) in {@code view}.
     *
     * @throws UsageProblem RD-ELECTION, RD-CONTEST or RD-VIEW for an unknown contest or view; ST-NODATA if the
     *     view has no sheet for the contest yet
     */
    public ViewForensics run(Optional<String> contestId, String view, long seed) {
        return run(contestId, view, ForensicsOptions.defaults(seed));
    }

    /**
     * The forensic report with the given options (candidate of the share-based checks, Monte Carlo
     * replicates, which ballots; see {@link ForensicsParameters}).
     *
     * @throws UsageProblem as {@link #run(Optional, String, long)}
     * @throws StatsParameterProblem ST-PARAM if the chosen candidate is not one of the contest's
     */
    public ViewForensics run(Optional<String> contestId, String view, ForensicsOptions options) {
        ReadState at = reads.get();
        ElectionState state = at.state();
        ViewScope scope = ViewScope.resolve(state, contestId, view);
        Key key = new Key(scope.contestId(), scope.viewName(), options, state.logSize());
        Cached c = last;
        if (c != null && c.key().equals(key)) {
            return c.result();
        }
        ViewStations vs = new StationCountsReader(at.copies())
                .read(state, scope, StrataLevel.resolve(scope.election(), Optional.empty()));
        if (vs.stations().isEmpty()) {
            throw new UsageProblem(
                    StatsRule.ST_NODATA,
                    "view " + scope.viewName() + " has no sheet for contest " + scope.contestId() + " yet");
        }
        if (options.candidate().isPresent()
                && !vs.candidates().ids().contains(options.candidate().get())) {
            throw new StatsParameterProblem(
                    "no candidate " + options.candidate().get() + " in contest " + scope.contestId() + "; candidates: "
                            + String.join(", ", vs.candidates().ids()));
        }
        var report = Forensics.run(vs.stations(), vs.candidates(), options);
        ViewForensics result = new ViewForensics(
                scope.contestId(),
                scope.viewName(),
                vs.candidates(),
                vs.stations().size(),
                vs.catalogueStations(),
                key.logSize(),
                report);
        last = new Cached(key, result);
        return result;
    }

    /** The fingerprint ({@code ST-FP}) of {@code forensics} as a self-contained SVG document. */
    public static String fingerprintSvg(ViewForensics forensics) {
        var fp = forensics.report().fingerprint();
        int chosen = forensics.candidates().indexOf(fp.candidateId());
        String title = "Contest " + forensics.contest() + ", view " + forensics.view() + ": turnout and "
                + forensics.candidates().name(chosen) + "'s share of valid votes";
        return FingerprintSvg.render(fp, title);
    }
}
