package org.veritally.stats.report;

import java.util.Objects;
import java.util.Optional;
import org.veritally.stats.digits.BootstrapSpec;
import org.veritally.stats.digits.LastDigits;
import org.veritally.stats.fingerprint.ElectionFingerprint;
import org.veritally.stats.fingerprint.IntegerPeakOptions;
import org.veritally.stats.outliers.OutlierThresholds;

/**
 * The knobs of {@link Forensics#run}, each with the documented default of its method.
 *
 * @param bootstrap seed, replicates and confidence of the {@code ST-2BL} mean interval
 * @param lastDigitMinCount smallest count in the last-digit tests
 * @param fingerprintBins bins per axis of the fingerprint
 * @param integerPeaks the integer-percentage tests' minimum denominator, Monte Carlo and ballots
 * @param outliers outlier thresholds
 * @param candidate the candidate id of the share-based checks ({@code ST-FP}, {@code ST-INTPCT-SHARE});
 *     empty for the leader (most votes)
 */
public record ForensicsOptions(
        BootstrapSpec bootstrap,
        long lastDigitMinCount,
        int fingerprintBins,
        IntegerPeakOptions integerPeaks,
        OutlierThresholds outliers,
        Optional<String> candidate) {

    /** @throws NullPointerException if an argument is null */
    public ForensicsOptions {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(integerPeaks, "integerPeaks");
        Objects.requireNonNull(outliers, "outliers");
        Objects.requireNonNull(candidate, "candidate");
    }

    /** Every default, with the given seed for the bootstrap and the Monte Carlo, for the leader. */
    public static ForensicsOptions defaults(long seed) {
        return new ForensicsOptions(
                BootstrapSpec.of(seed),
                LastDigits.DEFAULT_MIN_COUNT,
                ElectionFingerprint.DEFAULT_BINS,
                IntegerPeakOptions.defaults(seed),
                OutlierThresholds.defaults(),
                Optional.empty());
    }

    /** A copy with other integer-percentage options. */
    public ForensicsOptions withIntegerPeaks(IntegerPeakOptions o) {
        return new ForensicsOptions(bootstrap, lastDigitMinCount, fingerprintBins, o, outliers, candidate);
    }

    /** A copy for the share of candidate {@code id} (empty: the leader). */
    public ForensicsOptions withCandidate(Optional<String> id) {
        return new ForensicsOptions(bootstrap, lastDigitMinCount, fingerprintBins, integerPeaks, outliers, id);
    }

    /** A copy with another bootstrap. */
    public ForensicsOptions withBootstrap(BootstrapSpec b) {
        return new ForensicsOptions(b, lastDigitMinCount, fingerprintBins, integerPeaks, outliers, candidate);
    }
}
