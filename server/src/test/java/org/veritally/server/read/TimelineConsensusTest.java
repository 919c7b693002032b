package org.veritally.server.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Instance;
import org.veritally.server.asof.AsOfFixture;

/**
 * The consensus view's reporting timeline: at every sampled log size its point equals the consensus result of
 * the election as it stood at that size ({@link org.veritally.server.asof.StatesAsOf}, the server's own replay
 * and reconciliation: the reference implementation), at the root and in a region, and its last point equals
 * the live consensus result. The fixture's corrections dispute and settle stations along the way.
 */
class TimelineConsensusTest {
    @TempDir
    Path dir;

    @Test
    void consensusTimelinePointsEqualTheConsensusResultsAsOfTheirSizes() {
        try (Instance in = AsOfFixture.grown(dir, 40, 4)) {
            var e = in.state().requireElection();
            String region = in.state()
                    .catalogue()
                    .unit(in.state().catalogue().childUnits(0).get(0))
                    .id();
            for (String unit : new String[] {e.rootUnitId(), region})
                for (var c : e.contests()) {
                    var t = in.timeline().timeline(Optional.of(unit), Optional.of(c.id()), "consensus");
                    assertThat(t.view()).isEqualTo("consensus");
                    int checked = 0;
                    for (var p : t.points()) {
                        if (p.logSize() < 3) continue; // before the election and the catalogue
                        var r = in.asOf()
                                .at(p.logSize())
                                .results()
                                .result(Optional.of(unit), Optional.of(c.id()), "consensus");
                        assertThat(p.stationsReporting())
                                .as("%s %s at %d", unit, c.id(), p.logSize())
                                .isEqualTo(r.stationsReporting());
                        assertThat(p.validVotes()).isEqualTo(r.validVotes());
                        assertThat(p.registeredVoters()).isEqualTo(r.registeredVoters());
                        checked++;
                    }
                    assertThat(checked).isGreaterThan(10);
                    var last = t.points().get(t.points().size() - 1);
                    var live = in.results().result(Optional.of(unit), Optional.of(c.id()), "consensus");
                    assertThat(last.stationsReporting()).isEqualTo(live.stationsReporting());
                    assertThat(last.validVotes()).isEqualTo(live.validVotes());
                }
        }
    }
}
