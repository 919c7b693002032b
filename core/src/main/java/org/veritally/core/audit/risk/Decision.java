package org.veritally.core.audit.risk;

/** What an audit round's risk decides. */
public enum Decision {
    /** The risk is at most alpha: the reported outcome stands, the audit stops. */
    CONFIRMED,
    /** The risk is above alpha: draw more (the next round's cumulative draws are in the round). */
    NEXT_ROUND,
    /** The risk is above alpha after the last round allowed: count every ballot by hand; that count stands. */
    FULL_HAND_COUNT;

    /** CONFIRMED if risk &lt;= alpha, else FULL_HAND_COUNT if this was the last round, else NEXT_ROUND. */
    public static Decision of(double risk, double alpha, boolean lastRound) {
        if (risk <= alpha) return CONFIRMED;
        return lastRound ? FULL_HAND_COUNT : NEXT_ROUND;
    }
}
