package org.veritally.stats.outliers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;

/**
 * Runs every station outlier rule ({@link StationRules}, {@link DuplicateVectors}, {@link
 * NeighbourDeviation} with centres as units) and counts the flags per rule. Stateless and thread-safe.
 */
public final class StationOutliers {
    private StationOutliers() {}

    /** Every outlier, rule by rule. */
    public static List<Outlier> findAll(
            List<StationCounts> stations, CandidateSet candidates, OutlierThresholds thresholds) {
        List<Outlier> all = new ArrayList<>(StationRules.find(stations, candidates, thresholds));
        all.addAll(DuplicateVectors.find(stations, thresholds));
        all.addAll(NeighbourDeviation.find(stations, candidates, thresholds));
        return all;
    }

    /** How many flags each rule raised (every outlier rule appears, with 0 if none). */
    public static Map<RuleId, Long> countByRule(List<Outlier> outliers) {
        Map<RuleId, Long> counts = new EnumMap<>(RuleId.class);
        for (RuleId r : List.of(
                RuleId.ST_OUT_TURNOUT100,
                RuleId.ST_OUT_TURNOUT95,
                RuleId.ST_OUT_UNANIMOUS,
                RuleId.ST_OUT_DUPVEC,
                RuleId.ST_OUT_ZEROMAJOR,
                RuleId.ST_OUT_NEIGHBOUR)) {
            counts.put(r, 0L);
        }
        for (Outlier o : outliers) {
            counts.merge(o.rule(), 1L, Long::sum);
        }
        return counts;
    }
}
