package org.veritally.core.audit.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A reported plurality outcome: the winners (the {@code seats} choices with the most votes) and the losers.
 * Every (winner, loser) pair has a positive reported margin; a tie at the last seat cannot be audited and is
 * refused.
 *
 * @param totals reported votes per choice (copied)
 * @param winners indices of the winners, most votes first
 * @param losers indices of the losers, most votes first
 */
public record Outcome(long[] totals, int[] winners, int[] losers) {

    /** Copies the arrays. */
    public Outcome {
        totals = totals.clone();
        winners = winners.clone();
        losers = losers.clone();
    }

    /**
     * The outcome of {@code totals} with {@code seats} winners.
     *
     * @throws IllegalArgumentException if seats is not in [1, choices) or the last seat is tied
     */
    public static Outcome of(long[] totals, int seats) {
        if (seats < 1 || seats >= totals.length) {
            throw new IllegalArgumentException("seats must be in [1, " + totals.length + "): " + seats);
        }
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, totals.length).boxed().toList());
        order.sort(Comparator.comparingLong((Integer c) -> -totals[c]).thenComparing(c -> c));
        if (totals[order.get(seats - 1)] == totals[order.get(seats)]) {
            throw new IllegalArgumentException("the reported outcome is a tie at the last seat: nothing to audit");
        }
        int[] w = order.subList(0, seats).stream().mapToInt(Integer::intValue).toArray();
        int[] l = order.subList(seats, order.size()).stream()
                .mapToInt(Integer::intValue)
                .toArray();
        return new Outcome(totals, w, l);
    }

    /** The reported margin V_wl = total(w) - total(l), positive. */
    public long margin(int w, int l) {
        return totals[w] - totals[l];
    }

    /** The smallest margin between a winner and a loser. */
    public long smallestMargin() {
        long m = Long.MAX_VALUE;
        for (int w : winners) for (int l : losers) m = Math.min(m, margin(w, l));
        return m;
    }
}
