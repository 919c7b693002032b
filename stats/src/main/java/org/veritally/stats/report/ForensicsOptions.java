package org.veritally.stats.report;

import org.veritally.stats.digits.BootstrapSpec;
import org.veritally.stats.digits.LastDigits;
import org.veritally.stats.fingerprint.ElectionFingerprint;
import org.veritally.stats.fingerprint.IntegerPercentPeaks;
import org.veritally.stats.outliers.OutlierThresholds;

/**
 * The knobs of {@link Forensics#run}, each with the documented default of its method.
 *
 * @param bootstrap seed, replicates and confidence of the {@code ST-2BL} mean interval
 * @param lastDigitMinCount smallest count in the last-digit tests
 * @param fingerprintBins bins per axis of the fingerprint
 * @param integerPercentMinDenominator smallest denominator in the integer-percentage counts
 * @param outliers outlier thresholds
 */
public record ForensicsOptions(
        BootstrapSpec bootstrap,
        long lastDigitMinCount,
        int fingerprintBins,
        long integerPercentMinDenominator,
        OutlierThresholds outliers) {

    /** Every default, with the given bootstrap seed. */
    public static ForensicsOptions defaults(long seed) {
        return new ForensicsOptions(
                BootstrapSpec.of(seed),
                LastDigits.DEFAULT_MIN_COUNT,
                ElectionFingerprint.DEFAULT_BINS,
                IntegerPercentPeaks.DEFAULT_MIN_DENOMINATOR,
                OutlierThresholds.defaults());
    }
}
