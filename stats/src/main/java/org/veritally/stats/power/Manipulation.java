package org.veritally.stats.power;

/**
 * The kinds of manipulation the power study plants in a synthetic election, each applied to a share of its
 * stations ({@link SyntheticElection}).
 */
public enum Manipulation {
    /** No manipulation: the false-alarm rate. */
    NONE("clean"),
    /**
     * Ballot stuffing toward 100% turnout: 30–90% of the station's non-voters are added as ballots, all for
     * the leader.
     */
    BALLOT_STUFFING("ballot stuffing"),
    /**
     * Numbers written to round targets: the turnout is raised to a whole percentage 1–5 points above the real
     * one and the leader's share of the ballots to a whole percentage 1–5 points above the real one, each
     * written with the nearest ballot count; the added ballots and the moved votes go to the leader.
     */
    ROUND_TARGETS("round targets"),
    /** Votes moved between candidates: 10–40% of the runner-up's votes are given to the leader. */
    VOTES_MOVED("votes moved"),
    /**
     * Invented stations: the station's figures are replaced by a copy of another station of its centre (the
     * same vote vector, nulls and ballots).
     */
    INVENTED_STATIONS("invented stations");

    private final String label;

    Manipulation(String label) {
        this.label = label;
    }

    /** A short label for tables. */
    public String label() {
        return label;
    }
}
