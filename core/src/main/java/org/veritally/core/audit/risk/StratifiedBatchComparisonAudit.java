package org.veritally.core.audit.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ST-RLA-STRATA}: a MACRO batch-comparison audit of a contest that spans jurisdictions, its sample stratified
 * by them (docs/audit.md, "Stratified sampling"). The error bounds u_p are those of the whole contest's margins
 * ({@link Macro}); stratum s has U_s = Σ u_p over its stations. The cumulative draws n are shared among the strata
 * by {@link StratifiedAllocation} (proportional to U_s, house-monotone); stratum s's draw j is a PPEB draw among
 * its own stations from the stream of {@link AuditSampler} with the seed {@code seed + "," + s}, that is
 * SHA-256(seed "," s "," j), so the strata are drawn independently and a later round only extends each stratum's
 * sequence. The risk is {@link StratifiedKaplanMarkov#pValue}.
 *
 * <p>Round 1 takes the fewest draws whose risk with no discrepancy is at most alpha; a later round the fewest that
 * would bring the risk to alpha with no further discrepancy, and at least doubles the draws; after {@code
 * maxRounds} rounds, or once every station is drawn, the decision is a full hand count. A drawn station with no
 * hand count has taint 1 (Bañuelos &amp; Stark 2012). Immutable and thread-safe.
 */
public final class StratifiedBatchComparisonAudit implements StationAudit {
    private final Macro macro;
    private final String seed;
    private final double alpha;
    private final int maxRounds;
    private final List<String> strata;
    private final double[] bounds; // U_s
    private final int[][] members; // stratum -> batch indices
    private final double[][] weights; // stratum -> u_p of its members

    private StratifiedBatchComparisonAudit(Macro macro, List<String> strata, String seed, double alpha, int rounds) {
        Bravo.requireAlpha(alpha);
        if (rounds < 1) throw new IllegalArgumentException("maxRounds must be at least 1: " + rounds);
        if (strata.isEmpty() || new LinkedHashSet<>(strata).size() != strata.size()) {
            throw new IllegalArgumentException("the strata are empty or repeat: " + strata);
        }
        Map<String, List<Integer>> by = new LinkedHashMap<>();
        for (String s : strata) by.put(s, new ArrayList<>());
        for (int i = 0; i < macro.batches().size(); i++) {
            ReportedBatch b = macro.batches().get(i);
            List<Integer> m = by.get(b.stratum());
            if (m == null) throw new IllegalArgumentException("station " + b.id() + " is in no stratum of " + strata);
            m.add(i);
        }
        this.macro = macro;
        this.seed = seed;
        this.alpha = alpha;
        this.maxRounds = rounds;
        this.strata = List.copyOf(strata);
        this.bounds = new double[strata.size()];
        this.members = new int[strata.size()][];
        this.weights = new double[strata.size()][];
        for (int s = 0; s < strata.size(); s++) {
            List<Integer> m = by.get(strata.get(s));
            if (m.isEmpty()) throw new IllegalArgumentException("stratum " + strata.get(s) + " has no station");
            members[s] = m.stream().mapToInt(Integer::intValue).toArray();
            weights[s] = new double[members[s].length];
            for (int k = 0; k < members[s].length; k++) {
                weights[s][k] = macro.errorBound(members[s][k]);
                bounds[s] += weights[s][k];
            }
        }
    }

    /**
     * The audit of {@code macro}'s contest, each batch in the stratum its {@link ReportedBatch#stratum} names.
     *
     * @param strata the strata in the order of the audit's definition
     * @throws IllegalArgumentException if a batch's stratum is not listed, a stratum has no batch, or they repeat
     */
    public static StratifiedBatchComparisonAudit of(
            Macro macro, List<String> strata, String seed, double alpha, int maxRounds) {
        return new StratifiedBatchComparisonAudit(macro, strata, seed, alpha, maxRounds);
    }

    /** U_s per stratum, in the strata's order (a copy). */
    public double[] bounds() {
        return bounds.clone();
    }

    /** n_s per stratum after {@code n} cumulative draws. */
    public long[] allocation(long n) {
        return StratifiedAllocation.counts(bounds, n);
    }

    /** The batch indices drawn in each stratum after {@code n} cumulative draws, each in its stratum's order. */
    public int[][] draws(long n) {
        long[] counts = allocation(n);
        int[][] out = new int[bounds.length][];
        for (int s = 0; s < bounds.length; s++) {
            if (counts[s] == 0) {
                out[s] = new int[0];
                continue;
            }
            int[] local = AuditSampler.ppeb(seed + "," + strata.get(s), weights[s], 1, counts[s]);
            out[s] = new int[local.length];
            for (int j = 0; j < local.length; j++) out[s][j] = members[s][local[j]];
        }
        return out;
    }

    @Override
    public long initialDraws() {
        return drawsToReach(0, new double[bounds.length][0], 1);
    }

    @Override
    public List<String> stations(long n) {
        return stations(draws(n));
    }

    private List<String> stations(int[][] drawn) {
        Set<String> ids = new LinkedHashSet<>();
        for (int[] stratum : drawn)
            for (int i : stratum) ids.add(macro.batches().get(i).id());
        return new ArrayList<>(ids);
    }

    private double[][] taints(int[][] drawn, Map<String, long[]> handCounts) {
        double[][] out = new double[drawn.length][];
        for (int s = 0; s < drawn.length; s++) {
            out[s] = new double[drawn[s].length];
            for (int j = 0; j < drawn[s].length; j++) {
                long[] count = handCounts.get(macro.batches().get(drawn[s][j]).id());
                out[s][j] = count == null ? 1 : macro.taint(drawn[s][j], count);
            }
        }
        return out;
    }

    /** The risk of draws 1..n given the hand counts by station id (absent: the worst case). */
    public double risk(long n, Map<String, long[]> handCounts) {
        return StratifiedKaplanMarkov.pValue(bounds, taints(draws(n), handCounts));
    }

    @Override
    public Round round(int number, long draws, Map<String, long[]> handCounts) {
        if (number < 1 || draws < 1) throw new IllegalArgumentException("round and draws start at 1");
        int[][] drawn = draws(draws);
        List<String> stations = stations(drawn);
        int counted = 0;
        for (String s : stations) if (handCounts.containsKey(s)) counted++;
        double[][] taints = taints(drawn, handCounts);
        double risk = StratifiedKaplanMarkov.pValue(bounds, taints);
        boolean last = number >= maxRounds || stations.size() == macro.batches().size();
        Decision d = Decision.of(risk, alpha, last);
        long next = draws;
        if (d == Decision.NEXT_ROUND) next = Math.max(2 * draws, drawsToReach(draws, taints, draws + 1));
        return new Round(number, draws, stations, counted, risk, d, next);
    }

    /**
     * The fewest cumulative draws, at least {@code from}, whose risk is at most alpha when the draws after {@code
     * have} show no discrepancy (a worst-case taint of 1 among the first {@code have} counts as none, as {@link
     * KaplanMarkov#moreDraws} does for P = 1). The risk falls as draws are added, so exponential then binary search.
     */
    private long drawsToReach(long have, double[][] taints, long from) {
        double[][] seen = new double[taints.length][];
        for (int s = 0; s < taints.length; s++) {
            seen[s] = taints[s].clone();
            for (int j = 0; j < seen[s].length; j++) if (seen[s][j] >= 1) seen[s][j] = 0;
        }
        long lo = Math.max(from, 1) - 1;
        long hi = Math.max(from, 1);
        while (!reaches(seen, hi)) {
            lo = hi;
            hi *= 2;
            // past the most a round may draw: the round that would take it cannot be computed (AuditRounds.round)
            if (hi > AuditRounds.MAX_DRAWS) return Math.max(from, AuditRounds.MAX_DRAWS + 1);
        }
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (reaches(seen, mid)) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    private boolean reaches(double[][] seen, long n) {
        long[] counts = allocation(n);
        double[][] t = new double[seen.length][];
        for (int s = 0; s < seen.length; s++) {
            int have = (int) Math.min(seen[s].length, counts[s]);
            t[s] = java.util.Arrays.copyOf(seen[s], (int) Math.max(counts[s], have));
            // draws beyond those seen carry taint 0 (copyOf pads with zeros)
        }
        return StratifiedKaplanMarkov.pValue(bounds, t) <= alpha;
    }
}
