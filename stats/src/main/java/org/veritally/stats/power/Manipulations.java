package org.veritally.stats.power;

import java.util.List;
import java.util.SplittableRandom;

/** Applies one {@link Manipulation} to one station's row {registered, ballots, nulls, A, B, C, D}. */
final class Manipulations {
    private static final int N = 0;
    private static final int BALLOTS = 1;
    private static final int NULLS = 2;
    private static final int A = 3;
    private static final int B = 4;

    private Manipulations() {}

    /** Manipulates station {@code i}; false when it cannot be (an invented copy needs a neighbour). */
    static boolean apply(Manipulation m, SplittableRandom random, List<long[]> rows, List<Integer> centreOf, int i) {
        long[] r = rows.get(i);
        switch (m) {
            case BALLOT_STUFFING -> {
                long added = Math.round((0.3 + 0.6 * random.nextDouble()) * (r[N] - r[BALLOTS]));
                r[BALLOTS] += added;
                r[A] += added;
                return added > 0;
            }
            case ROUND_TARGETS -> {
                int turnout = (int) (100 * r[BALLOTS] / r[N]) + 1 + random.nextInt(5);
                long ballots = Math.max(r[BALLOTS], Math.min(r[N], nearestBallot(turnout, r[N])));
                r[A] += ballots - r[BALLOTS];
                r[BALLOTS] = ballots;
                int share = (int) (100 * r[A] / r[BALLOTS]) + 1 + random.nextInt(5);
                long target = Math.min(r[BALLOTS] - r[NULLS], nearestBallot(share, r[BALLOTS]));
                takeFromOthers(r, target - r[A]);
                return true;
            }
            case VOTES_MOVED -> {
                long moved = Math.round((0.1 + 0.3 * random.nextDouble()) * r[B]);
                r[B] -= moved;
                r[A] += moved;
                return moved > 0;
            }
            case INVENTED_STATIONS -> {
                int j = i > 0 && centreOf.get(i - 1).equals(centreOf.get(i)) ? i - 1 : i + 1;
                if (j >= rows.size() || !centreOf.get(j).equals(centreOf.get(i))) return false;
                long[] src = rows.get(j);
                long registered = Math.max(r[N], src[BALLOTS]);
                System.arraycopy(src, 0, r, 0, r.length);
                r[N] = registered;
                return true;
            }
            default -> throw new IllegalArgumentException("nothing to apply for " + m);
        }
    }

    /** The count nearest to {@code percent}% of n (halves up), in integers. */
    static long nearestBallot(int percent, long n) {
        return (percent * n + 50) / 100;
    }

    /** Moves up to {@code want} votes to A from B, C, D in that order. */
    private static void takeFromOthers(long[] r, long want) {
        for (int c = B; c < r.length && want > 0; c++) {
            long take = Math.min(want, r[c]);
            r[c] -= take;
            r[A] += take;
            want -= take;
        }
    }
}
