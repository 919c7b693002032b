package org.veritally.stats.outliers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;

/**
 * {@code ST-OUT-DUPVEC}: two or more stations of one centre report the identical vote vector, with at least
 * {@code duplicateMinValid} valid votes (so that trivial vectors such as one vote for one candidate are not
 * flagged). Every station of such a group is flagged, and its detail names the others. Copying one tally
 * sheet's numbers onto another is a classic sign of fabricated results; entering one sheet twice is a
 * classic data-entry error. Expected time O(stations). Stateless and thread-safe.
 */
public final class DuplicateVectors {
    private DuplicateVectors() {}

    /** The flagged stations, grouped by duplicate set, in order of first appearance. */
    public static List<Outlier> find(List<StationCounts> stations, OutlierThresholds thresholds) {
        // One map entry per station; a list only for the rare vectors seen twice.
        Map<Key, StationCounts> first = new HashMap<>(stations.size() * 2);
        Map<Key, List<StationCounts>> groups = new LinkedHashMap<>();
        for (StationCounts s : stations) {
            if (s.valid() < thresholds.duplicateMinValid()) {
                continue;
            }
            Key key = new Key(s);
            StationCounts earlier = first.putIfAbsent(key, s);
            if (earlier != null) {
                groups.computeIfAbsent(key, k -> new ArrayList<>(List.of(earlier)))
                        .add(s);
            }
        }
        List<Outlier> out = new ArrayList<>();
        for (List<StationCounts> group : groups.values()) {
            for (StationCounts s : group) {
                List<String> others = new ArrayList<>();
                for (StationCounts o : group) {
                    if (o != s) {
                        others.add(o.stationId());
                    }
                }
                out.add(new Outlier(
                        RuleId.ST_OUT_DUPVEC,
                        s.stationId(),
                        s.centreId(),
                        Optional.empty(),
                        group.size(),
                        2,
                        "same votes " + Arrays.toString(s.votesPerCandidate()) + " as " + String.join(", ", others),
                        RuleId.ST_OUT_DUPVEC.caveat()));
            }
        }
        return out;
    }

    /** A station's centre and vote vector as a map key, without copying the votes. */
    private static final class Key {
        private final StationCounts station;
        private final int hash;

        Key(StationCounts station) {
            this.station = station;
            int h = station.centreId().hashCode();
            for (int c = 0; c < station.candidateCount(); c++) {
                h = 31 * h + Long.hashCode(station.votes(c));
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && hash == k.hash
                    && station.centreId().equals(k.station.centreId())
                    && station.sameVotesAs(k.station);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
