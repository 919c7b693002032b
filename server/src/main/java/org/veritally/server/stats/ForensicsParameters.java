package org.veritally.server.stats;

import java.util.Locale;
import java.util.Optional;
import org.veritally.stats.fingerprint.IntegerPeakOptions;
import org.veritally.stats.fingerprint.ShareBase;
import org.veritally.stats.fingerprint.TurnoutBallots;
import org.veritally.stats.report.ForensicsOptions;

/**
 * The user-facing parameters of a forensic run, shared by {@code stats forensics} and {@code
 * /api/stats/forensics}: seed (bootstrap and Monte Carlo), candidate of the share-based checks, Monte Carlo
 * replicates, the ballots of turnout ({@code cast} | {@code issued}) and what a share is of ({@code ballots}
 * | {@code valid}). Stateless and thread-safe.
 */
public final class ForensicsParameters {
    /** The largest number of Monte Carlo replicates accepted. */
    public static final int MAX_REPLICATES = 100_000;

    private ForensicsParameters() {}

    /**
     * The options for these parameters; empty strings take the defaults.
     *
     * @throws StatsParameterProblem ST-PARAM for a value out of range or not one of the choices
     */
    public static ForensicsOptions options(
            long seed, Optional<String> candidate, Optional<Integer> replicates, String turnout, String shareOf) {
        int r = replicates.orElse(IntegerPeakOptions.DEFAULT_REPLICATES);
        if (r < 10 || r > MAX_REPLICATES) {
            throw new StatsParameterProblem("replicates must be between 10 and " + MAX_REPLICATES + ", got " + r);
        }
        TurnoutBallots t = switch (turnout.toLowerCase(Locale.ROOT)) {
            case "", "cast" -> TurnoutBallots.CAST;
            case "issued" -> TurnoutBallots.ISSUED;
            default -> throw new StatsParameterProblem("turnout must be cast or issued, got " + turnout);
        };
        ShareBase s = switch (shareOf.toLowerCase(Locale.ROOT)) {
            case "", "ballots" -> ShareBase.BALLOTS;
            case "valid" -> ShareBase.VALID;
            default -> throw new StatsParameterProblem("shareOf must be ballots or valid, got " + shareOf);
        };
        IntegerPeakOptions peaks = new IntegerPeakOptions(IntegerPeakOptions.DEFAULT_MIN_DENOMINATOR, r, seed, t, s);
        return ForensicsOptions.defaults(seed)
                .withIntegerPeaks(peaks)
                .withCandidate(candidate.filter(c -> !c.isBlank()));
    }
}
