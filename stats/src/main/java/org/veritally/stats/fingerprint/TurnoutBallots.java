package org.veritally.stats.fingerprint;

/** Which ballots count as turnout in {@code ST-INTPCT-TURNOUT}: the numerator over registered voters. */
public enum TurnoutBallots {
    /** Ballots cast as the sheet prints them (or valid + null + blank where it prints none). */
    CAST,
    /**
     * Ballots issued to voters, where the sheet has that figure (the paper's "given" ballots); stations
     * without it are left out and counted as excluded.
     */
    ISSUED
}
