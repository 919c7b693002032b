package org.veritally.core.audit.risk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ST-RLA-MACRO}: the maximum across-contest relative overstatement of pairwise margins (Stark 2008,
 * "A sharper discrepancy measure for post-election audits", Ann. Appl. Stat. 2(3):982-985), for one contest
 * with polling stations as batches.
 *
 * <p>For batch p with reported votes v_pc, hand-counted votes a_pc and at most b_p ballots, and the reported
 * margins V_wl of every winner w over every loser l:
 *
 * <ul>
 *   <li>the error bound u_p = max_{w,l} (v_pw - v_pl + b_p) / V_wl, the most the batch could overstate a
 *       margin (every ballot of the batch really a vote for l);
 *   <li>the discrepancy e_p = max_{w,l} ((v_pw - v_pl) - (a_pw - a_pl)) / V_wl;
 *   <li>the taint t_p = e_p / u_p, at most 1 when the hand count is possible.
 * </ul>
 *
 * <p>The reported outcome is right if the sum of the e_p is below 1. U = sum of u_p is the total error bound
 * that {@link KaplanMarkov} needs. Immutable and thread-safe; building it costs O(batches × winners ×
 * losers); the batches' ids should be unique (a catalogue's are).
 */
public final class Macro {
    private final List<ReportedBatch> batches;
    private final Outcome outcome;
    private final double[] errorBounds;
    private final double totalErrorBound;
    private Map<String, Integer> index; // built on the first indexOf: the risk itself needs no map

    private Macro(List<ReportedBatch> batches, Outcome outcome, double[] errorBounds, double total) {
        this.batches = batches;
        this.outcome = outcome;
        this.errorBounds = errorBounds;
        this.totalErrorBound = total;
        this.index = new HashMap<>(batches.size() * 2);
        for (int i = 0; i < batches.size(); i++) {
            if (index.put(batches.get(i).id(), i) != null) {
                throw new IllegalArgumentException(
                        "batch id repeats: " + batches.get(i).id());
            }
        }
    }

    /**
     * The MACRO bounds of {@code batches} for a contest with {@code seats} winners.
     *
     * @throws IllegalArgumentException if there are no batches, the batches' choices differ or the outcome is a
     *     tie (ids are not checked here: the catalogue's are unique; {@link #indexOf} checks them)
     */
    public static Macro of(List<ReportedBatch> batches, int seats) {
        if (batches.isEmpty()) throw new IllegalArgumentException("no batches");
        int k = batches.get(0).votes().length;
        long[] totals = new long[k];
        for (ReportedBatch b : batches) {
            if (b.votes().length != k) throw new IllegalArgumentException("batch " + b.id() + " has other choices");
            for (int c = 0; c < k; c++) totals[c] += b.votes(c);
        }
        Outcome outcome = Outcome.of(totals, seats);
        double[] u = new double[batches.size()];
        double total = 0;
        for (int i = 0; i < u.length; i++) {
            ReportedBatch b = batches.get(i);
            u[i] = maxRelative(outcome, b.votes(), null, b.ballots());
            total += u[i];
        }
        return new Macro(List.copyOf(batches), outcome, u, total);
    }

    /** max over (w,l) of ((v_w - v_l) - (a_w - a_l) + extra) / V_wl, with a = 0 when {@code actual} is null. */
    static double maxRelative(Outcome o, long[] reported, long[] actual, long extra) {
        double max = Double.NEGATIVE_INFINITY;
        for (int w : o.winners()) {
            for (int l : o.losers()) {
                long diff = reported[w] - reported[l] + extra;
                if (actual != null) diff -= actual[w] - actual[l];
                max = Math.max(max, (double) diff / o.margin(w, l));
            }
        }
        return max;
    }

    /** u_p of {@code batch} against the margins of {@code outcome} (which may come from more batches). */
    public static double errorBound(Outcome outcome, ReportedBatch batch) {
        return maxRelative(outcome, batch.votes(), null, batch.ballots());
    }

    /** e_p of {@code batch} with hand count {@code handCount} against the margins of {@code outcome}. */
    public static double discrepancy(Outcome outcome, ReportedBatch batch, long[] handCount) {
        return maxRelative(outcome, batch.votes(), handCount, 0);
    }

    /** The reported outcome. */
    public Outcome outcome() {
        return outcome;
    }

    /** The batches, in the order given. */
    public List<ReportedBatch> batches() {
        return batches;
    }

    /**
     * The position of the batch with this id.
     *
     * @throws IllegalArgumentException if an id repeats among the batches
     */
    public synchronized Optional<Integer> indexOf(String batchId) {
        if (index == null) {
            Map<String, Integer> m = new HashMap<>(batches.size() * 2);
            for (int i = 0; i < batches.size(); i++) {
                if (m.put(batches.get(i).id(), i) != null) {
                    throw new IllegalArgumentException(
                            "batch id repeats: " + batches.get(i).id());
                }
            }
            index = m;
        }
        return Optional.ofNullable(index.get(batchId));
    }

    /** u_p of batch {@code i}. */
    public double errorBound(int i) {
        return errorBounds[i];
    }

    /** Every u_p, in batch order (a copy). */
    public double[] errorBounds() {
        return errorBounds.clone();
    }

    /** U, the sum of the u_p. */
    public double totalErrorBound() {
        return totalErrorBound;
    }

    /**
     * e_p of batch {@code i} given its hand count.
     *
     * @throws IllegalArgumentException if the hand count has another number of choices
     */
    public double discrepancy(int i, long[] handCount) {
        ReportedBatch b = batches.get(i);
        if (handCount.length != b.votes().length) {
            throw new IllegalArgumentException(
                    "hand count of " + b.id() + " has " + handCount.length + " choices, not " + b.votes().length);
        }
        return maxRelative(outcome, b.votes(), handCount, 0);
    }

    /** t_p = e_p / u_p of batch {@code i} given its hand count. */
    public double taint(int i, long[] handCount) {
        return discrepancy(i, handCount) / errorBounds[i];
    }
}
