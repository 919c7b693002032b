package org.veritally.core.audit.risk;

/**
 * {@code ST-RLA-BRAVO}: the ballot-polling test of Lindeman, Stark &amp; Yates (2012), "BRAVO: Ballot-polling
 * risk-limiting audits to verify outcomes", EVT/WOTE '12, section 3 (Wald's SPRT for each winner-loser pair).
 *
 * <p>For a winner w and a loser l with reported shares s_wl = v_w / (v_w + v_l), each ballot drawn (uniformly,
 * with replacement) multiplies T_wl by 2 s_wl if it shows w, by 2 (1 - s_wl) if it shows l, and by 1
 * otherwise. The audit may stop once T_wl has reached 1/alpha for every pair (see {@link #risk}). A
 * drawn ballot that is not found or not examined counts as a vote for every loser (Bañuelos &amp; Stark 2012),
 * the worst case. Works in logarithms, so large samples do not overflow. Immutable and thread-safe.
 */
public final class Bravo {
    private final Outcome outcome;
    private final long ballots;

    private Bravo(Outcome outcome, long ballots) {
        this.outcome = outcome;
        this.ballots = ballots;
    }

    /**
     * The test for reported {@code totals} with {@code seats} winners among {@code ballots} ballots cast (all
     * ballots of the manifest, including blank and invalid ones).
     *
     * @throws IllegalArgumentException if the votes exceed the ballots or the outcome is a tie
     */
    public static Bravo of(long[] totals, int seats, long ballots) {
        long sum = 0;
        for (long t : totals) sum += t;
        if (ballots < sum)
            throw new IllegalArgumentException("more votes (" + sum + ") than ballots (" + ballots + ")");
        return new Bravo(Outcome.of(totals, seats), ballots);
    }

    /** The reported outcome. */
    public Outcome outcome() {
        return outcome;
    }

    /** The ballots cast. */
    public long ballots() {
        return ballots;
    }

    /** s_wl = v_w / (v_w + v_l). */
    public double share(int w, int l) {
        long[] t = outcome.totals();
        return (double) t[w] / (t[w] + t[l]);
    }

    /** The reading of a drawn ballot that shows no vote for any choice of the contest. */
    public static final int NO_VOTE = -1;

    /** The reading of a drawn ballot that was not found or not examined: it counts for every loser. */
    public static final int MISSING = -2;

    /**
     * The risk of a sequence of drawn ballots, in draw order: each a choice index, {@link #NO_VOTE} or {@link
     * #MISSING}. BRAVO stops at the first draw where T_wl reaches 1/alpha for every pair, so each pair's risk is
     * min(1, 1 / max_j T_wl(j)) over the prefixes j of the sequence (Wald's SPRT; Ville's inequality keeps this
     * at most alpha under the null), and the risk is the largest pair's.
     *
     * @throws IllegalArgumentException if a reading is not a choice, NO_VOTE or MISSING
     */
    public double risk(int[] readings) {
        int k = outcome.totals().length;
        for (int c : readings) {
            if (c >= k || c < MISSING) throw new IllegalArgumentException("not a reading: " + c);
        }
        double worst = 0;
        for (int w : outcome.winners()) {
            for (int l : outcome.losers()) {
                double s = share(w, l);
                double up = Math.log(2 * s);
                double down = Math.log(2 * (1 - s));
                double logT = 0;
                double best = 0;
                for (int c : readings) {
                    if (c == w) logT += up;
                    else if (c == l || c == MISSING) logT += down;
                    best = Math.max(best, logT);
                }
                worst = Math.max(worst, Math.min(1, Math.exp(-best)));
            }
        }
        return worst;
    }

    /**
     * The average sample number of the pair (BRAVO, section 5; Lindeman &amp; Stark 2012, "A Gentle Introduction
     * to Risk-limiting Audits", IEEE S&amp;P 10(5)): (ln(1/alpha) + z_w / 2) / (p_w z_w + p_l z_l) with z_w =
     * ln(2 s_wl), z_l = ln(2 - 2 s_wl) and p_c = v_c / ballots, the expected number of draws to stop when the
     * reported shares are right. A loser with no reported vote contributes nothing to the denominator.
     */
    public double averageSampleNumber(int w, int l, double alpha) {
        requireAlpha(alpha);
        double s = share(w, l);
        double zw = Math.log(2 * s);
        double zl = Math.log(2 - 2 * s);
        double pw = (double) outcome.totals()[w] / ballots;
        double pl = (double) outcome.totals()[l] / ballots;
        // a loser with no votes is never drawn: its term is 0, not 0 * ln(0) (Arlo's test12 vector)
        double loserTerm = pl == 0 ? 0 : pl * zl;
        return (Math.log(1 / alpha) + zw / 2) / (pw * zw + loserTerm);
    }

    /** The initial sample size: the largest pairwise average sample number, rounded up. */
    public long initialSampleSize(double alpha) {
        double max = 0;
        for (int w : outcome.winners()) {
            for (int l : outcome.losers()) max = Math.max(max, averageSampleNumber(w, l, alpha));
        }
        return (long) Math.ceil(max - 1e-9);
    }

    static void requireAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
    }
}
