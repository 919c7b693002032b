package org.veritally.stats.report;

import java.util.List;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.NationalTotals;
import org.veritally.stats.StationCounts;
import org.veritally.stats.digits.LastDigits;
import org.veritally.stats.digits.SecondDigitBenford;
import org.veritally.stats.fingerprint.ElectionFingerprint;
import org.veritally.stats.fingerprint.IntegerPercentPeaks;
import org.veritally.stats.outliers.Outlier;
import org.veritally.stats.outliers.StationOutliers;

/**
 * Runs every station-level forensic check: {@code ST-2BL}, {@code ST-LD-UNIF}, {@code ST-LD-REPEAT},
 * {@code ST-LD-ADJ}, {@code ST-FP}, {@code ST-INTPCT-TURNOUT}, {@code ST-INTPCT-SHARE} and all {@code
 * ST-OUT-*} rules; see each method's class for its source. The fingerprint and the share peaks use the
 * candidate of {@link ForensicsOptions#candidate()}, by default the one with most votes. Deterministic for
 * given options. Stateless and thread-safe.
 */
public final class Forensics {
    private Forensics() {}

    /**
     * Every check over {@code stations}.
     *
     * @throws IllegalArgumentException if a station's candidate count differs from {@code candidates}, or the
     *     chosen candidate is not one of them
     */
    public static ForensicsReport run(List<StationCounts> stations, CandidateSet candidates, ForensicsOptions options) {
        NationalTotals totals = NationalTotals.of(stations, candidates.size());
        int chosen = options.candidate().map(candidates::indexOf).orElse(totals.leader());
        List<Outlier> outliers = StationOutliers.findAll(stations, candidates, options.outliers());
        return new ForensicsReport(
                totals,
                options,
                SecondDigitBenford.perCandidate(stations, candidates, options.bootstrap()),
                LastDigits.perCandidate(stations, candidates, options.lastDigitMinCount()),
                ElectionFingerprint.of(stations, candidates, chosen, options.fingerprintBins()),
                IntegerPercentPeaks.turnout(stations, options.integerPeaks()),
                IntegerPercentPeaks.share(stations, chosen, candidates.id(chosen), options.integerPeaks()),
                outliers,
                StationOutliers.countByRule(outliers));
    }
}
