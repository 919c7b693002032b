package org.veritally.stats.fingerprint;

/** Which ballots a candidate's share is taken of in {@code ST-INTPCT-SHARE}: the denominator. */
public enum ShareBase {
    /** All ballots cast (valid and invalid): the paper's leader's result. */
    BALLOTS,
    /** Valid votes only (the sum of the candidate votes), as most results pages print shares. */
    VALID
}
