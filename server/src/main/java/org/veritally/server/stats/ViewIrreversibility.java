package org.veritally.server.stats;

import org.veritally.stats.announced.IrreversibilityResult;
import org.veritally.stats.announced.ThresholdResult;

/**
 * {@code ST-IRREV} at the current point of the count of one contest × view: the leader's margins against the
 * registered voters of the stations the view does not have yet, and the leader against an absolute majority
 * (more than half of the valid votes). Immutable.
 *
 * @param contest the contest id
 * @param view the view's wire name
 * @param stationsReporting stations in the view's total
 * @param stationsTotal stations in the denominator: the declared universe, else the catalogue
 * @param registeredReporting registered voters of the reporting stations
 * @param registeredTotal registered voters in the denominator
 * @param denominator {@code universe} or {@code catalogue} (docs/coverage.md)
 * @param validVotes valid votes so far (the sum of the candidates' votes)
 * @param irreversibility the margins, with {@code remainingRegistered} = registeredTotal - registeredReporting
 * @param majority the leader against "50% + 1" of the valid votes
 */
public record ViewIrreversibility(
        String contest,
        String view,
        long stationsReporting,
        long stationsTotal,
        long registeredReporting,
        long registeredTotal,
        String denominator,
        long validVotes,
        IrreversibilityResult irreversibility,
        ThresholdResult majority) {}
