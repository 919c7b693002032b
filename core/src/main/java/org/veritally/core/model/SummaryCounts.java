package org.veritally.core.model;

/**
 * The summary counts printed on a tally sheet. {@code valid} and {@code nulls} are always given;
 * registered voters (as printed on the sheet), ballots cast and blank ballots are given by some
 * authorities and not others, and are {@link #ABSENT} where the sheet does not carry them.
 *
 * <p>Invariant: every count is {@code >= 0} or {@code ABSENT}; valid and nulls are never absent.
 * Immutable.
 */
public record SummaryCounts(long registered, long ballotsCast, long valid, long nulls, long blank) {
    /** Marks a count the sheet does not carry. Never written to the log: absent keys are omitted. */
    public static final long ABSENT = -1;

    public SummaryCounts {
        check(registered, "registered", true);
        check(ballotsCast, "ballotsCast", true);
        check(valid, "valid", false);
        check(nulls, "nulls", false);
        check(blank, "blank", true);
    }

    private static void check(long v, String what, boolean mayBeAbsent) {
        if (v < 0 && !(mayBeAbsent && v == ABSENT)) throw new IllegalArgumentException(what + " = " + v);
    }

    /** Ballots cast where given, otherwise valid + null + blank. */
    public long ballotsOrSum() {
        return ballotsCast != ABSENT ? ballotsCast : valid + nulls + (blank == ABSENT ? 0 : blank);
    }
}
