package org.veritally.stats.outliers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.NationalTotals;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;

/**
 * {@code ST-OUT-NEIGHBOUR}: a major candidate's share at a station deviates from the median share of the
 * OTHER stations of the same centre (or other parent unit) by more than k robust standard deviations.
 *
 * <p>Robust SD: 1.4826 × the median absolute deviation of the other stations' shares around their median
 * (the modified z-score of Iglewicz &amp; Hoaglin 1993, How to Detect and Handle Outliers, section 3.2; k =
 * 3.5 by default, their recommended cut-off). Because neighbours can agree to within a fraction of a vote,
 * the robust SD is floored at the binomial sampling SD of the station's own share, sqrt(q(1-q)/n) with q =
 * (median·n + 1)/(n + 2) (Laplace's rule, so that a median of 0 or 1 still gives a positive floor) and n the
 * station's valid votes: ordinary sampling noise is then never extreme. Only stations with valid votes take
 * part, and a station is tested only with at least {@code neighbourMinOthers} others in its unit. Major
 * candidates are those with at least {@code majorShare} of the national valid vote. Stateless and
 * thread-safe.
 */
public final class NeighbourDeviation {
    private NeighbourDeviation() {}

    /** The rule with units = centres. */
    public static List<Outlier> find(
            List<StationCounts> stations, CandidateSet candidates, OutlierThresholds thresholds) {
        return find(stations, candidates, thresholds, StationCounts::centreId);
    }

    /** The rule with units given by {@code parent} (for example the parish, or the stratum). */
    public static List<Outlier> find(
            List<StationCounts> stations,
            CandidateSet candidates,
            OutlierThresholds thresholds,
            Function<StationCounts, String> parent) {
        List<Integer> major =
                NationalTotals.of(stations, candidates.size()).candidatesWithShareAtLeast(thresholds.majorShare());
        Map<String, List<StationCounts>> units = new LinkedHashMap<>();
        for (StationCounts s : stations) {
            if (s.valid() > 0) {
                units.computeIfAbsent(parent.apply(s), k -> new ArrayList<>()).add(s);
            }
        }
        List<Outlier> out = new ArrayList<>();
        for (List<StationCounts> unit : units.values()) {
            if (unit.size() - 1 < thresholds.neighbourMinOthers()) {
                continue;
            }
            for (int c : major) {
                flagUnit(unit, c, candidates.id(c), thresholds.neighbourK(), out);
            }
        }
        return out;
    }

    private static void flagUnit(List<StationCounts> unit, int c, String id, double k, List<Outlier> out) {
        double[] shares = new double[unit.size()];
        long[] valid = new long[unit.size()];
        for (int i = 0; i < shares.length; i++) {
            valid[i] = unit.get(i).valid();
            shares[i] = (double) unit.get(i).votes(c) / valid[i];
        }
        LeaveOneOut loo = new LeaveOneOut(shares);
        for (int i = 0; i < shares.length; i++) {
            double median = loo.medianOfOthers(shares[i]);
            double sd = robustSd(loo.madOfOthers(shares[i], median), median, valid[i]);
            double z = (shares[i] - median) / sd;
            if (Math.abs(z) > k) {
                StationCounts s = unit.get(i);
                out.add(new Outlier(
                        RuleId.ST_OUT_NEIGHBOUR,
                        s.stationId(),
                        s.centreId(),
                        Optional.of(id),
                        z,
                        k,
                        String.format(
                                Locale.ROOT,
                                "%s share %.1f%% vs median %.1f%% of %d other stations (robust SD %.2f "
                                        + "points, z = %.1f)",
                                id,
                                100 * shares[i],
                                100 * median,
                                shares.length - 1,
                                100 * sd,
                                z),
                        RuleId.ST_OUT_NEIGHBOUR.caveat()));
            }
        }
    }

    /** max(1.4826 × MAD, binomial floor); package-private for the reference test. */
    static double robustSd(double mad, double median, long valid) {
        double q = (median * valid + 1) / (valid + 2);
        return Math.max(LeaveOneOut.MAD_TO_SD * mad, Math.sqrt(q * (1 - q) / valid));
    }
}
