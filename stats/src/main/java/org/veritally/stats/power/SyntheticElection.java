package org.veritally.stats.power;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.StationCounts;

/**
 * A seeded synthetic election for the power study, with realistic station sizes: registered voters
 * log-normal with median 550 (about 100 to 2,500; polling stations in Russia, Venezuela and Indonesia are of
 * this order), in centres of 1 to 8 stations that share a turnout (normal, mean 62%, SD 8 points) and a lean
 * (leader's share normal, mean 52%, SD 10 points), with station-level spread of 3 and 2 points. Counts are
 * drawn around those rates (normal approximation of the binomial), four candidates, about 1.5% null ballots.
 * Then {@code fraction} of the stations, chosen at random, are manipulated as {@link Manipulation} says.
 *
 * <p>Deterministic for (seed, stations, manipulation, fraction). Stateless and thread-safe.
 */
public final class SyntheticElection {
    /** The candidates: A leads, B is the runner-up. */
    public static final CandidateSet CANDIDATES = CandidateSet.ofIds("A", "B", "C", "D");

    /**
     * A simulated election.
     *
     * @param stations the station counts
     * @param manipulated ids of the manipulated stations
     */
    public record Simulated(List<StationCounts> stations, Set<String> manipulated) {
        /** Copies the collections. */
        public Simulated {
            stations = List.copyOf(stations);
            manipulated = Set.copyOf(manipulated);
        }
    }

    private SyntheticElection() {}

    /** An election of {@code size} stations, {@code fraction} of them manipulated by {@code m}. */
    public static Simulated generate(long seed, int size, Manipulation m, double fraction) {
        SplittableRandom random = new SplittableRandom(seed);
        List<long[]> rows = new ArrayList<>(size);
        List<Integer> centreOf = new ArrayList<>(size);
        int centre = 0;
        while (rows.size() < size) {
            int inCentre = 1 + random.nextInt(8);
            double turnout = 0.62 + 0.08 * random.nextGaussian();
            double lean = 0.52 + 0.10 * random.nextGaussian();
            for (int s = 0; s < inCentre && rows.size() < size; s++) {
                rows.add(station(random, turnout, lean));
                centreOf.add(centre);
            }
            centre++;
        }
        Set<String> manipulated = new HashSet<>();
        if (m != Manipulation.NONE) {
            for (int i = 0; i < size; i++) {
                if (random.nextDouble() < fraction && Manipulations.apply(m, random, rows, centreOf, i)) {
                    manipulated.add(id(i));
                }
            }
        }
        List<StationCounts> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long[] r = rows.get(i);
            out.add(new StationCounts(id(i), "c" + centreOf.get(i), "s" + centreOf.get(i) % 20, r[0], r[1], new long[] {
                r[3], r[4], r[5], r[6]
            }));
        }
        return new Simulated(out, manipulated);
    }

    static String id(int i) {
        return "st" + i;
    }

    /** {registered, ballots, nulls, A, B, C, D}. */
    private static long[] station(SplittableRandom random, double centreTurnout, double centreLean) {
        long n = Math.max(50, Math.min(3000, Math.round(Math.exp(Math.log(550) + 0.45 * random.nextGaussian()))));
        double t = clamp(centreTurnout + 0.03 * random.nextGaussian(), 0.15, 0.97);
        double a = clamp(centreLean + 0.02 * random.nextGaussian(), 0.05, 0.95);
        long ballots = draw(random, n, t);
        long nulls = draw(random, ballots, 0.015);
        long valid = ballots - nulls;
        long va = draw(random, valid, a);
        long vb = draw(random, valid - va, 0.75);
        long vc = draw(random, valid - va - vb, 0.6);
        long vd = valid - va - vb - vc;
        return new long[] {n, ballots, nulls, va, vb, vc, vd};
    }

    static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /** A count near n·p: the normal approximation of Binomial(n, p), kept in [0, n]. */
    static long draw(SplittableRandom random, long n, double p) {
        if (n <= 0) return 0;
        long x = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * random.nextGaussian());
        return Math.max(0, Math.min(n, x));
    }
}
