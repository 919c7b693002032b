package org.veritally.core.audit.risk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ST-RLA-MACRO}: one batch-comparison audit with polling stations as batches: PPEB draws from the
 * public seed ({@link AuditSampler#ppeb}), the MACRO taint of each drawn station's hand count ({@link Macro}),
 * and the Kaplan–Markov risk ({@link KaplanMarkov}) after every round.
 *
 * <p>Round 1 takes {@link KaplanMarkov#initialDraws} draws. When a round's risk P is above alpha, the next round
 * takes the draws that would bring P to alpha with no further discrepancy, and at least doubles the draws; after
 * {@code maxRounds} rounds, or once every station is drawn, the decision is a full hand count. A drawn station
 * with no hand count has taint 1 (the worst case), so the risk stays 1 until it is counted. Immutable and
 * thread-safe.
 */
public final class BatchComparisonAudit implements StationAudit {
    private final Macro macro;
    private final String seed;
    private final double alpha;
    private final int maxRounds;
    private final double[] weights;

    private BatchComparisonAudit(Macro macro, String seed, double alpha, int maxRounds) {
        Bravo.requireAlpha(alpha);
        if (maxRounds < 1) throw new IllegalArgumentException("maxRounds must be at least 1: " + maxRounds);
        this.macro = macro;
        this.seed = seed;
        this.alpha = alpha;
        this.maxRounds = maxRounds;
        this.weights = macro.errorBounds();
    }

    /** The audit of {@code macro}'s contest with the revealed {@code seed}. */
    public static BatchComparisonAudit of(Macro macro, String seed, double alpha, int maxRounds) {
        return new BatchComparisonAudit(macro, seed, alpha, maxRounds);
    }

    /** The MACRO bounds. */
    public Macro macro() {
        return macro;
    }

    /** Round 1's draws. */
    @Override
    public long initialDraws() {
        return KaplanMarkov.initialDraws(macro.totalErrorBound(), alpha);
    }

    /** The batch indices of draws 1..n. */
    public int[] draws(long n) {
        return AuditSampler.ppeb(seed, weights, 1, n);
    }

    /** The distinct station ids of draws 1..n, in order of first draw. */
    @Override
    public List<String> stations(long n) {
        return stations(draws(n));
    }

    private List<String> stations(int[] drawn) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i : drawn) ids.add(macro.batches().get(i).id());
        return new ArrayList<>(ids);
    }

    /** The Kaplan–Markov risk of draws 1..n given the hand counts by station id (absent: worst case). */
    public double risk(long n, Map<String, long[]> handCounts) {
        return risk(draws(n), handCounts);
    }

    private double risk(int[] drawn, Map<String, long[]> handCounts) {
        double[] taints = new double[drawn.length];
        for (int j = 0; j < drawn.length; j++) {
            long[] count = handCounts.get(macro.batches().get(drawn[j]).id());
            taints[j] = count == null ? 1 : macro.taint(drawn[j], count);
        }
        return KaplanMarkov.pValue(macro.totalErrorBound(), taints);
    }

    /**
     * Round {@code number}, which ends after {@code draws} cumulative draws.
     *
     * @throws IllegalArgumentException if number or draws is below 1
     */
    @Override
    public Round round(int number, long draws, Map<String, long[]> handCounts) {
        if (number < 1 || draws < 1) throw new IllegalArgumentException("round and draws start at 1");
        int[] drawn = draws(draws);
        List<String> stations = stations(drawn);
        int counted = 0;
        for (String s : stations) if (handCounts.containsKey(s)) counted++;
        double risk = risk(drawn, handCounts);
        boolean last = number >= maxRounds || stations.size() == macro.batches().size();
        Decision d = Decision.of(risk, alpha, last);
        long next = draws;
        if (d == Decision.NEXT_ROUND) {
            next = Math.max(2 * draws, draws + KaplanMarkov.moreDraws(macro.totalErrorBound(), risk, alpha));
        }
        return new Round(number, draws, stations, counted, risk, d, next);
    }

    /** Every round so far: round 1 at the initial draws, then each NEXT_ROUND's draws, up to {@code rounds}. */
    public List<Round> rounds(int rounds, Map<String, long[]> handCounts) {
        List<Round> out = new ArrayList<>();
        long draws = initialDraws();
        for (int r = 1; r <= rounds; r++) {
            Round round = round(r, draws, handCounts);
            out.add(round);
            if (round.decision() != Decision.NEXT_ROUND) break;
            draws = round.nextDraws();
        }
        return out;
    }
}
