package org.veritally.stats.outliers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
    Map<Key, List<StationCounts>> groups = new HashMap<>();
    List<Key> order = new ArrayList<>();
    for (StationCounts s : stations) {
      long valid = s.valid();
      if (valid < thresholds.duplicateMinValid()) {
        continue;
      }
      Key key = new Key(s.centreId(), s.votesPerCandidate());
      List<StationCounts> group = groups.computeIfAbsent(key, k -> new ArrayList<>(2));
      group.add(s);
      if (group.size() == 2) {
        order.add(key);
      }
    }
    List<Outlier> out = new ArrayList<>();
    for (Key key : order) {
      List<StationCounts> group = groups.get(key);
      for (StationCounts s : group) {
        List<String> others = new ArrayList<>();
        for (StationCounts o : group) {
          if (o != s) {
            others.add(o.stationId());
          }
        }
        out.add(new Outlier(RuleId.ST_OUT_DUPVEC, s.stationId(), s.centreId(), Optional.empty(),
            group.size(), 2, "same votes " + Arrays.toString(key.votes) + " as " + String.join(", ", others),
            RuleId.ST_OUT_DUPVEC.caveat()));
      }
    }
    return out;
  }

  private static final class Key {
    private final String centre;
    private final long[] votes;
    private final int hash;

    Key(String centre, long[] votes) {
      this.centre = centre;
      this.votes = votes;
      this.hash = centre.hashCode() * 31 + Arrays.hashCode(votes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && centre.equals(k.centre) && Arrays.equals(votes, k.votes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
