package org.veritally.stats.digits;

import java.util.List;
import org.veritally.stats.StationCounts;

/** Extracts one candidate's station-level counts, the input of every digit test. Stateless. */
final class CandidateCounts {
  private CandidateCounts() {}

  static long[] of(List<StationCounts> stations, int candidate) {
    long[] counts = new long[stations.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = stations.get(i).votes(candidate);
    }
    return counts;
  }

  static long[] pooled(List<StationCounts> stations, int candidateCount) {
    long[] counts = new long[stations.size() * candidateCount];
    int k = 0;
    for (StationCounts s : stations) {
      for (int c = 0; c < candidateCount; c++) {
        counts[k++] = s.votes(c);
      }
    }
    return counts;
  }
}
