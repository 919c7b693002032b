package org.veritally.server.stats;

import org.veritally.stats.CandidateSet;
import org.veritally.stats.report.ForensicsReport;

/**
 * Every station-level forensic check ({@code ST-2BL}, {@code ST-LD-*}, {@code ST-FP}, {@code ST-INTPCT-*},
 * {@code ST-OUT-*}) over the current sheets of one contest × view. Immutable.
 *
 * @param contest the contest id
 * @param view the view's wire name
 * @param candidates the contest's candidates, in the order of the report's per-candidate lists
 * @param stations stations analysed (those with a sheet in the view)
 * @param catalogueStations stations in the catalogue
 * @param logSize the log's size when the read began (the sheets are at least this recent)
 * @param report the {@code stats} module's report
 */
public record ViewForensics(
        String contest,
        String view,
        CandidateSet candidates,
        long stations,
        long catalogueStations,
        long logSize,
        ForensicsReport report) {}
