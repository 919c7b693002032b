package org.veritally.core.audit.risk;

import java.util.List;
import java.util.Map;

/**
 * A batch-comparison audit with polling stations as batches, drawn over the whole contest ({@link
 * BatchComparisonAudit}) or per stratum ({@link StratifiedBatchComparisonAudit}): what {@link AuditRounds} asks of
 * either. Implementations are immutable and thread-safe.
 */
public sealed interface StationAudit permits BatchComparisonAudit, StratifiedBatchComparisonAudit {
    /** Round 1's cumulative draws. */
    long initialDraws();

    /** The distinct station ids of draws 1..n, in order of first draw. */
    List<String> stations(long n);

    /** Round {@code number}, which ends after {@code draws} cumulative draws, given the hand counts by station. */
    Round round(int number, long draws, Map<String, long[]> handCounts);
}
