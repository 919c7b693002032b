package org.veritally.stats.report;

import java.util.List;
import java.util.Map;
import org.veritally.stats.NationalTotals;
import org.veritally.stats.RuleId;
import org.veritally.stats.digits.LastDigitReport;
import org.veritally.stats.digits.SecondDigitResult;
import org.veritally.stats.fingerprint.Fingerprint;
import org.veritally.stats.fingerprint.IntegerPercentResult;
import org.veritally.stats.outliers.Outlier;

/**
 * Everything {@link Forensics#run} found. Each part carries its own rule id and caveat.
 *
 * @param totals the totals of the stations analysed
 * @param options the options used (including the bootstrap seed)
 * @param secondDigits {@code ST-2BL} per candidate
 * @param lastDigits {@code ST-LD-*} per candidate and pooled
 * @param fingerprint {@code ST-FP} of the chosen candidate's share (by default the leader's)
 * @param integerTurnout {@code ST-INTPCT-TURNOUT}
 * @param integerShare {@code ST-INTPCT-SHARE} of the same candidate
 * @param outliers every {@code ST-OUT-*} flag
 * @param outlierCounts flags per outlier rule
 */
public record ForensicsReport(
        NationalTotals totals,
        ForensicsOptions options,
        List<SecondDigitResult> secondDigits,
        LastDigitReport lastDigits,
        Fingerprint fingerprint,
        IntegerPercentResult integerTurnout,
        IntegerPercentResult integerShare,
        List<Outlier> outliers,
        Map<RuleId, Long> outlierCounts) {

    /** Copies the collections. */
    public ForensicsReport {
        secondDigits = List.copyOf(secondDigits);
        outliers = List.copyOf(outliers);
        outlierCounts = Map.copyOf(outlierCounts);
    }
}
