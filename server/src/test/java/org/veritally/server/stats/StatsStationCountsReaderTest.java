package org.veritally.server.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.formats.Definition;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.read.UsageProblem;
import org.veritally.stats.StationCounts;

/**
 * The adapter against a naive reference built straight from the generated sheets: per view (official,
 * source, consensus), votes per candidate, catalogue registered voters, ballots, centre and stratum.
 */
class StatsStationCountsReaderTest {
    @TempDir
    Path dir;

    Instance in;

    @AfterEach
    void close() {
        if (in != null) in.close();
    }

    /** 60 stations, 6 ballot lines for 5 candidates (candidate 1 on lines 1 and 2), authority + party-a. */
    Definition setUp(SyntheticElection g) {
        Definition d = g.definition();
        in = Fixtures.defined(dir, d);
        return d;
    }

    static StationCounts reference(Definition d, TallySheet s, String stratum) {
        var contest = d.election().contest(s.contestId()).orElseThrow();
        int[] cand = contest.candidateOfChoice();
        long[] votes = new long[contest.candidates().size()];
        for (int i = 0; i < cand.length; i++) votes[cand[i]] += s.vote(i);
        var station = d.stations().stream()
                .filter(x -> x.id().equals(s.stationId()))
                .findFirst()
                .orElseThrow();
        return new StationCounts(
                station.id(),
                station.unitId(),
                stratum,
                station.registeredVoters(),
                s.counts().ballotsOrSum(),
                votes);
    }

    /** The region (level 1) above a station, by walking the generated units. */
    static String region(Definition d, String stationId) {
        Map<String, org.veritally.core.model.Unit> units = new HashMap<>();
        d.units().forEach(u -> units.put(u.id(), u));
        var u = units.get(d.stations().stream()
                .filter(x -> x.id().equals(stationId))
                .findFirst()
                .orElseThrow()
                .unitId());
        while (u.level() > 1) u = units.get(u.parentId());
        return u.id();
    }

    @Test
    void officialAndSourceViewsMatchTheNaiveReference() {
        var g = new SyntheticElection(60, 1, 6, 2, 11);
        Definition d = setUp(g);
        List<TallySheet> all = Fixtures.sheets(g, d);
        List<TallySheet> authority =
                all.stream().filter(s -> s.sourceId().equals("authority")).toList();
        // Every third station reports to the authority; party-a reports everything.
        List<TallySheet> submitted = new ArrayList<>();
        for (int i = 0; i < authority.size(); i += 3) submitted.add(authority.get(i));
        submitted.addAll(
                all.stream().filter(s -> s.sourceId().equals("party-a")).toList());
        assertThat(Fixtures.submit(in, submitted).rejected()).isEmpty();

        var reader = new StationCountsReader(in.store());
        var strata = StrataLevel.resolve(d.election(), Optional.empty());
        assertThat(strata).isEqualTo(new StrataLevel(1, "region"));
        ViewStations official =
                reader.read(in.state(), ViewScope.resolve(in.state(), Optional.empty(), "official"), strata);
        List<StationCounts> expected = new ArrayList<>();
        for (int i = 0; i < authority.size(); i += 3)
            expected.add(
                    reference(d, authority.get(i), region(d, authority.get(i).stationId())));
        assertThat(official.stations()).containsExactlyElementsOf(expected);
        assertThat(official.candidates().ids()).containsExactly("C1-K1", "C1-K2", "C1-K3", "C1-K4", "C1-K5");
        assertThat(official.catalogueStations()).isEqualTo(60);

        ViewStations party =
                reader.read(in.state(), ViewScope.resolve(in.state(), Optional.of("C1"), "source:party-a"), strata);
        assertThat(party.stations()).hasSize(60);
        assertThat(party.stations().get(7)).isEqualTo(reference(d, all.get(15), region(d, "P7")));
    }

    @Test
    void consensusViewReadsTheAgreedCopyAndLeavesDisputedStationsOut() {
        var g = new SyntheticElection(30, 1, 3, 2, 12);
        Definition d = setUp(g);
        List<TallySheet> all = Fixtures.sheets(g, d);
        List<TallySheet> submitted = new ArrayList<>(
                all.stream().filter(s -> s.sourceId().equals("authority")).toList());
        for (TallySheet s : all) {
            if (!s.sourceId().equals("party-a")) continue;
            int n = Integer.parseInt(s.stationId().substring(1));
            if (n >= 10) continue; // P10.. have one copy only: not in the consensus
            if (n == 4) { // P4's party copy moves one vote between lines: disputed, not counted
                long[] v = s.votes();
                v[0]--;
                v[1]++;
                s = new TallySheet(s.stationId(), s.contestId(), s.sourceId(), s.counts(), v);
            }
            submitted.add(s);
        }
        assertThat(Fixtures.submit(in, submitted).rejected()).isEmpty();
        ViewStations consensus = new StationCountsReader(in.store())
                .read(
                        in.state(),
                        ViewScope.resolve(in.state(), Optional.empty(), "consensus"),
                        new StrataLevel(0, "country"));
        assertThat(consensus.stations())
                .extracting(StationCounts::stationId)
                .containsExactly("P0", "P1", "P2", "P3", "P5", "P6", "P7", "P8", "P9");
        assertThat(consensus.stations()).allSatisfy(s -> assertThat(s.stratum()).isEqualTo("N"));
        long consensusValid =
                consensus.stations().stream().mapToLong(StationCounts::valid).sum();
        assertThat(consensusValid)
                .isEqualTo(in.results()
                        .result(Optional.empty(), Optional.empty(), "consensus")
                        .validVotes());
    }

    @Test
    void ballotsFallBackToTheSumWhereTheSheetHasNone() {
        var g = new SyntheticElection(10, 1, 3, 1, 13);
        Definition d = setUp(g);
        TallySheet s = Fixtures.sheets(g, d).get(0);
        var k = s.counts();
        var bare = new TallySheet(
                s.stationId(),
                s.contestId(),
                s.sourceId(),
                new SummaryCounts(
                        SummaryCounts.ABSENT, SummaryCounts.ABSENT, k.valid(), k.nulls(), SummaryCounts.ABSENT),
                s.votes());
        assertThat(Fixtures.submit(in, bare).rejected()).isEmpty();
        var read = new StationCountsReader(in.store())
                .read(
                        in.state(),
                        ViewScope.resolve(in.state(), Optional.empty(), "official"),
                        StrataLevel.resolve(d.election(), Optional.of("district")));
        assertThat(read.stations()).hasSize(1);
        StationCounts c = read.stations().get(0);
        assertThat(c.ballotsCast()).isEqualTo(k.valid() + k.nulls());
        assertThat(c.registered()).isEqualTo(d.stations().get(0).registeredVoters());
        assertThat(c.stratum()).isEqualTo("D0");
    }

    @Test
    void unknownViewsContestsAndLevelsAreNamedByRule() {
        var g = new SyntheticElection(10, 1, 3, 1, 14);
        Definition d = setUp(g);
        assertThatThrownBy(() -> ViewScope.resolve(in.state(), Optional.empty(), "source:nobody"))
                .isInstanceOf(UsageProblem.class)
                .hasMessageContaining("unknown view");
        assertThatThrownBy(() -> ViewScope.resolve(in.state(), Optional.of("C9"), "official"))
                .isInstanceOfSatisfying(
                        UsageProblem.class, e -> assertThat(e.rule().id()).isEqualTo("RD-CONTEST"));
        assertThatThrownBy(() -> StrataLevel.resolve(d.election(), Optional.of("state")))
                .isInstanceOf(StatsParameterProblem.class)
                .hasMessageContaining("ST-PARAM")
                .hasMessageContaining("region");
        assertThat(StrataLevel.resolve(d.election(), Optional.of("2"))).isEqualTo(new StrataLevel(2, "district"));
    }

    @Test
    void storedVotesThatDoNotFitTheContestFailLoudly() {
        int[] lines = {0, 0, 1};
        assertThat(StationCountsReader.votes("5,7,11", lines, 2, "P1")).containsExactly(12, 11);
        assertThatThrownBy(() -> StationCountsReader.votes("5,7", lines, 2, "P1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StationCountsReader.votes("5,,7", lines, 2, "P1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StationCountsReader.votes("5,7,1,1", lines, 2, "P1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StationCountsReader.votes("5,-7,1", lines, 2, "P1"))
                .isInstanceOf(IllegalStateException.class);
    }
}
