package org.veritally.core.audit.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rounds of one audit as a log holds them (docs/audit.md): the reported batches, the revealed seed and the
 * hand counts with their log indices. Round n is computed from the hand counts that precede its entry (the last
 * count of a station counts), with the draws the round before it decided. The one computation shared by
 * {@code verify} (VFY-AUDIT), the server that writes {@code audit-round} entries, the CLI, the API and the page.
 * Immutable.
 */
public final class AuditRounds {
    /**
     * A hand count as the log holds it.
     *
     * @param index its log index
     * @param station the station's id
     * @param votes MACRO: votes per choice id
     * @param ballots BRAVO: the choice id ({@code ""} for none) shown by each drawn ballot position
     */
    public record Count(long index, String station, Map<String, Long> votes, Map<Long, String> ballots) {
        public Count {
            Objects.requireNonNull(station, "station");
            votes = Map.copyOf(votes);
            ballots = Map.copyOf(ballots);
        }
    }

    /**
     * A recorded round: its number and its log index.
     *
     * @param number the round, from 1
     * @param index its log index
     */
    public record At(int number, long index) {}

    private final StationAudit macro;
    private final BallotPollingAudit bravo;
    private final List<String> choices;
    private final List<Count> counts;

    private AuditRounds(StationAudit macro, BallotPollingAudit bravo, List<String> choices, List<Count> counts) {
        this.macro = macro;
        this.bravo = bravo;
        this.choices = List.copyOf(choices);
        this.counts = List.copyOf(counts);
    }

    /**
     * An audit of a contest with one winner.
     *
     * @param batchComparison MACRO batch comparison when true, BRAVO ballot polling when false
     * @param batches the reported batches in catalogue order ({@link #batch})
     * @param choices the contest's choice ids, in the order of the batches' votes
     * @param counts the hand counts in log order
     */
    public static AuditRounds of(
            boolean batchComparison,
            List<ReportedBatch> batches,
            List<String> choices,
            String seed,
            double alpha,
            int maxRounds,
            List<Count> counts) {
        return of(batchComparison, List.of(), batches, choices, seed, alpha, maxRounds, counts);
    }

    /**
     * An audit of a contest with one winner, its MACRO sample stratified by {@code strata} when not empty (each
     * batch's {@link ReportedBatch#stratum} one of them; {@link StratifiedBatchComparisonAudit}).
     *
     * @throws IllegalArgumentException if the audit cannot be computed (no votes, a tie, a batch in no stratum,
     *     strata with ballot polling)
     */
    public static AuditRounds of(
            boolean batchComparison,
            List<String> strata,
            List<ReportedBatch> batches,
            List<String> choices,
            String seed,
            double alpha,
            int maxRounds,
            List<Count> counts) {
        if (batchComparison) {
            Macro m = Macro.of(batches, 1);
            StationAudit a = strata.isEmpty()
                    ? BatchComparisonAudit.of(m, seed, alpha, maxRounds)
                    : StratifiedBatchComparisonAudit.of(m, strata, seed, alpha, maxRounds);
            return new AuditRounds(a, null, choices, counts);
        }
        if (!strata.isEmpty()) throw new IllegalArgumentException("a ballot-polling audit is not stratified");
        return new AuditRounds(null, BallotPollingAudit.of(batches, 1, seed, alpha, maxRounds), choices, counts);
    }

    /**
     * The most cumulative draws a round may take: a million. A sample that large is never an audit (a national
     * MACRO audit of a million stations at a 1% margin draws some thousands; a million ballots found by hand are
     * more work than a full hand count of most contests), and it bounds what a replay allocates for the draws
     * (tens of MB), whatever sizes a log declares (registered voters up to 10^10 a station, a margin of one vote,
     * a risk limit of 10^-6: without it, an OutOfMemoryError or an ArithmeticException). A round past it cannot be
     * computed: AUD-ROUND refuses it.
     */
    public static final long MAX_DRAWS = 1_000_000;

    /** {@code draws}, if at most {@link #MAX_DRAWS}. */
    private static long bounded(long draws) {
        if (draws > MAX_DRAWS)
            throw new IllegalArgumentException(
                    "a round of " + draws + " draws: more than " + MAX_DRAWS + " (a full hand count is less work)");
        return draws;
    }

    /** The stations drawn after {@code draws} cumulative draws, in order of first draw. */
    public List<String> stations(long draws) {
        bounded(draws);
        if (macro != null) return macro.stations(draws);
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (BallotPollingAudit.DrawnBallot b : bravo.draws(draws)) ids.add(b.stationId());
        return List.copyOf(ids);
    }

    /**
     * A station as an audit reports it: its sheet's votes, or zero votes when it has none (a phantom), and its
     * bound b_p: its registered voters, or its votes if more.
     *
     * @param votes the sheet's votes per choice, or null when the station has no sheet in the view
     */
    public static ReportedBatch batch(String id, String stratum, long registered, long[] votes, int choices) {
        long[] v = votes == null ? new long[choices] : votes.clone();
        long sum = 0;
        for (long x : v) sum += x;
        return new ReportedBatch(id, stratum, Math.max(registered, sum), v);
    }

    /** The draws of round 1. */
    public long initialDraws() {
        return macro != null ? macro.initialDraws() : bravo.initialDraws();
    }

    /** Round {@code number} after {@code draws} cumulative draws, from the counts before log index {@code before}. */
    public Round round(int number, long draws, long before) {
        bounded(draws);
        return macro != null
                ? macro.round(number, draws, macroCounts(before))
                : bravo.round(number, draws, readings(before));
    }

    /** Every recorded round recomputed, each with the draws the round before it decided. */
    public List<Round> replay(List<At> recorded) {
        List<Round> out = new ArrayList<>();
        long draws = initialDraws();
        for (At at : recorded) {
            Round r = round(at.number(), draws, at.index());
            out.add(r);
            draws = r.nextDraws();
        }
        return out;
    }

    /**
     * The round after the recorded ones, from every count so far (its entry would come at log index {@code
     * before}); empty when the last recorded round decided anything but another round.
     */
    public java.util.Optional<Round> next(List<At> recorded, long before) {
        List<Round> done = replay(recorded);
        if (!done.isEmpty() && done.get(done.size() - 1).decision() != Decision.NEXT_ROUND)
            return java.util.Optional.empty();
        long draws = done.isEmpty() ? initialDraws() : done.get(done.size() - 1).nextDraws();
        return java.util.Optional.of(round(done.size() + 1, draws, before));
    }

    /** The drawn ballots of a ballot-polling audit after {@code draws} draws; empty for batch comparison. */
    public List<BallotPollingAudit.DrawnBallot> ballots(long draws) {
        bounded(draws);
        return bravo == null ? List.of() : bravo.draws(draws);
    }

    private Map<String, long[]> macroCounts(long before) {
        Map<String, long[]> out = new HashMap<>();
        for (Count k : counts) {
            if (k.index() >= before) continue;
            long[] v = new long[choices.size()];
            for (int i = 0; i < v.length; i++) v[i] = k.votes().getOrDefault(choices.get(i), 0L);
            out.put(k.station(), v);
        }
        return out;
    }

    private Map<String, Map<Long, Integer>> readings(long before) {
        Map<String, Map<Long, Integer>> out = new HashMap<>();
        for (Count k : counts) {
            if (k.index() >= before) continue;
            Map<Long, Integer> m = out.computeIfAbsent(k.station(), s -> new HashMap<>());
            k.ballots()
                    .forEach((pos, choice) ->
                            m.put(pos, choice.isEmpty() ? BallotPollingAudit.NO_VOTE : choices.indexOf(choice)));
        }
        return out;
    }
}
