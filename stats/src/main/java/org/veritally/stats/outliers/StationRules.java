package org.veritally.stats.outliers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.NationalTotals;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;

/**
 * The rules that look at one station at a time.
 *
 * <ul>
 *   <li>{@code ST-OUT-TURNOUT100}: ballots cast exceed registered voters (or voters cast ballots where
 *       nobody is registered).
 *   <li>{@code ST-OUT-TURNOUT95}: turnout above {@code highTurnout} and at most 100% (above 100% is the
 *       previous rule only, so a station is not flagged twice for one thing).
 *   <li>{@code ST-OUT-UNANIMOUS}: one candidate has every valid vote, and there is at least one.
 *   <li>{@code ST-OUT-ZEROMAJOR}: a candidate with at least {@code majorShare} of the national valid vote got
 *       zero at a station with at least {@code zeroMajorMinValid} valid votes.
 * </ul>
 *
 * <p>Sources: standard observer arithmetic checks; Myagkov, Ordeshook &amp; Shakin (2009, The Forensics of
 * Election Fraud, ch. 2) on unanimity and extreme turnout; Klimek et al. (2012) on the 100% corner.
 * Stateless and thread-safe.
 */
public final class StationRules {
    private StationRules() {}

    /** All four rules over {@code stations}, in station order. */
    public static List<Outlier> find(
            List<StationCounts> stations, CandidateSet candidates, OutlierThresholds thresholds) {
        NationalTotals totals = NationalTotals.of(stations, candidates.size());
        List<Integer> major = totals.candidatesWithShareAtLeast(thresholds.majorShare());
        List<Outlier> out = new ArrayList<>();
        for (StationCounts s : stations) {
            long valid = s.valid();
            if (s.ballotsCast() > s.registered()) {
                out.add(of(
                        RuleId.ST_OUT_TURNOUT100,
                        s,
                        Optional.empty(),
                        s.turnout(),
                        1.0,
                        String.format(Locale.ROOT, "%d ballots cast, %d registered", s.ballotsCast(), s.registered())));
            } else if (s.registered() > 0 && s.turnout() > thresholds.highTurnout()) {
                out.add(of(
                        RuleId.ST_OUT_TURNOUT95,
                        s,
                        Optional.empty(),
                        s.turnout(),
                        thresholds.highTurnout(),
                        String.format(
                                Locale.ROOT,
                                "turnout %.1f%% (%d of %d)",
                                100 * s.turnout(),
                                s.ballotsCast(),
                                s.registered())));
            }
            for (int c = 0; c < candidates.size() && valid > 0; c++) {
                if (s.votes(c) == valid) {
                    out.add(of(
                            RuleId.ST_OUT_UNANIMOUS,
                            s,
                            Optional.of(candidates.id(c)),
                            1.0,
                            1.0,
                            String.format(Locale.ROOT, "all %d valid votes for %s", valid, candidates.id(c))));
                }
            }
            if (valid >= thresholds.zeroMajorMinValid()) {
                for (int c : major) {
                    if (s.votes(c) == 0) {
                        out.add(of(
                                RuleId.ST_OUT_ZEROMAJOR,
                                s,
                                Optional.of(candidates.id(c)),
                                0,
                                0,
                                String.format(
                                        Locale.ROOT,
                                        "0 votes for %s (national share %.1f%%) of %d valid",
                                        candidates.id(c),
                                        100 * totals.share(c),
                                        valid)));
                    }
                }
            }
        }
        return out;
    }

    static Outlier of(
            RuleId rule,
            StationCounts s,
            Optional<String> candidate,
            double observed,
            double threshold,
            String detail) {
        return new Outlier(rule, s.stationId(), s.centreId(), candidate, observed, threshold, detail, rule.caveat());
    }
}
