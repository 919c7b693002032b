package org.veritally.core.audit.risk;

import java.util.List;

/**
 * One round of an audit, as computed from the seed and the hand counts.
 *
 * @param number 1, 2, ...
 * @param draws the cumulative number of draws up to this round
 * @param stations the distinct stations drawn up to this round, in order of first draw
 * @param counted how many of those stations have a hand count (the others count as the worst case)
 * @param risk the measured risk after the round's draws, in [0, 1]
 * @param decision what the risk decides
 * @param nextDraws the cumulative draws of the next round when the decision is NEXT_ROUND, else {@code draws}
 */
public record Round(
        int number, long draws, List<String> stations, int counted, double risk, Decision decision, long nextDraws) {

    /** Copies the list. */
    public Round {
        stations = List.copyOf(stations);
    }
}
