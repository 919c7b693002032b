package org.veritally.stats.outliers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;

class StationOutliersTest {
    private static final CandidateSet ABC = CandidateSet.ofIds("A", "B", "C");
    private static final OutlierThresholds DEFAULTS = OutlierThresholds.defaults();

    private static StationCounts st(String id, String centre, long reg, long cast, long... votes) {
        return new StationCounts(id, centre, "", reg, cast, votes);
    }

    /** Ordinary stations that trigger nothing, so that A and B are major and C is minor. */
    private static List<StationCounts> background() {
        List<StationCounts> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            list.add(st("bg" + i, "bg" + i, 600, 400, 200 + i, 180 - i, 5 + i % 3));
        }
        return list;
    }

    private static List<Outlier> only(RuleId rule, List<StationCounts> stations) {
        return StationOutliers.findAll(stations, ABC, DEFAULTS).stream()
                .filter(o -> o.rule() == rule)
                .toList();
    }

    @Test
    void backgroundTriggersNoRule() {
        List<Outlier> all = StationOutliers.findAll(background(), ABC, DEFAULTS);
        assertThat(all).isEmpty();
        Map<RuleId, Long> counts = StationOutliers.countByRule(all);
        assertThat(counts).hasSize(6).containsValues(0L);
    }

    @Test
    void ST_OUT_TURNOUT100_moreBallotsThanRegistered() {
        List<StationCounts> s = background();
        s.add(st("x", "x", 300, 301, 150, 140, 11));
        s.add(st("nobody", "n", 0, 5, 2, 2, 1));
        assertThat(only(RuleId.ST_OUT_TURNOUT100, s))
                .extracting(Outlier::stationId)
                .containsExactly("x", "nobody");
        assertThat(only(RuleId.ST_OUT_TURNOUT95, s)).isEmpty();
    }

    @Test
    void ST_OUT_TURNOUT95_aboveNinetyFivePercentUpToOneHundred() {
        List<StationCounts> s = background();
        s.add(st("x", "x", 300, 290, 150, 130, 10));
        s.add(st("edge", "e", 300, 285, 150, 125, 10));
        List<Outlier> flagged = only(RuleId.ST_OUT_TURNOUT95, s);
        assertThat(flagged).extracting(Outlier::stationId).containsExactly("x");
        assertThat(flagged.get(0).threshold()).isEqualTo(0.95);
        assertThat(flagged.get(0).caveat()).isEqualTo(RuleId.ST_OUT_TURNOUT95.caveat());
    }

    @Test
    void ST_OUT_UNANIMOUS_oneCandidateHasAllValidVotes() {
        List<StationCounts> s = background();
        s.add(st("x", "x", 300, 250, 0, 0, 250));
        s.add(st("zero", "z", 300, 5, 0, 0, 0));
        List<Outlier> flagged = only(RuleId.ST_OUT_UNANIMOUS, s);
        assertThat(flagged).extracting(Outlier::stationId).containsExactly("x");
        assertThat(flagged.get(0).candidateId()).contains("C");
    }

    @Test
    void ST_OUT_DUPVEC_sameNonTrivialVectorTwiceInOneCentre() {
        List<StationCounts> s = background();
        s.add(st("x1", "cx", 300, 200, 100, 90, 10));
        s.add(st("x2", "cx", 310, 205, 100, 90, 10));
        s.add(st("other-centre", "cy", 300, 200, 100, 90, 10));
        s.add(st("t1", "ct", 300, 5, 1, 0, 0));
        s.add(st("t2", "ct", 300, 5, 1, 0, 0));
        List<Outlier> flagged = only(RuleId.ST_OUT_DUPVEC, s);
        assertThat(flagged).extracting(Outlier::stationId).containsExactly("x1", "x2");
        assertThat(flagged.get(0).detail()).contains("x2");
    }

    @Test
    void ST_OUT_ZEROMAJOR_majorCandidateWithNoVotesAtLargeStation() {
        List<StationCounts> s = background();
        s.add(st("x", "x", 600, 400, 250, 0, 150));
        s.add(st("small", "s", 600, 90, 60, 0, 30));
        s.add(st("minor", "m", 600, 400, 200, 200, 0));
        List<Outlier> flagged = only(RuleId.ST_OUT_ZEROMAJOR, s);
        assertThat(flagged).extracting(Outlier::stationId).containsExactly("x");
        assertThat(flagged.get(0).candidateId()).isEqualTo(Optional.of("B"));
    }

    @Test
    void ST_OUT_NEIGHBOUR_stationFarFromItsCentreIsFlagged() {
        List<StationCounts> s = background();
        long[][] votes = {{200, 180, 20}, {210, 170, 20}, {195, 185, 20}, {205, 175, 20}, {190, 190, 20}};
        for (int i = 0; i < votes.length; i++) {
            s.add(st("n" + i, "centre", 600, 400, votes[i]));
        }
        s.add(st("odd", "centre", 600, 400, 380, 0, 20));
        List<Outlier> flagged = only(RuleId.ST_OUT_NEIGHBOUR, s);
        assertThat(flagged).extracting(Outlier::stationId).containsOnly("odd");
        assertThat(flagged).extracting(o -> o.candidateId().orElseThrow()).containsExactlyInAnyOrder("A", "B");
        assertThat(flagged.get(0).threshold()).isEqualTo(3.5);
    }

    @Test
    void ST_OUT_NEIGHBOUR_needsEnoughOtherStations() {
        List<StationCounts> s = background();
        s.add(st("n0", "small", 600, 400, 200, 180, 20));
        s.add(st("n1", "small", 600, 400, 210, 170, 20));
        s.add(st("n2", "small", 600, 400, 200, 180, 20));
        s.add(st("odd", "small", 600, 400, 380, 0, 20));
        assertThat(only(RuleId.ST_OUT_NEIGHBOUR, s)).isEmpty();
    }
}
