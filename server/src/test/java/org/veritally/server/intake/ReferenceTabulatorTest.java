package org.veritally.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.Correction;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.formats.Definition;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.testkit.Seeds;

/**
 * A naive reference tabulator (sum every current sheet of every station below a unit, found by
 * walking parent links) must agree with the live projections on seeded random elections, with
 * random batch sizes, resubmissions and corrections. The seed is printed.
 */
class ReferenceTabulatorTest {
    @TempDir
    Path dir;

    @Test
    void liveTotalsEqualNaiveReferenceOnRandomElections() {
        long master = Seeds.seed("ReferenceTabulatorTest", 0x5EED_7AB1L);
        SplittableRandom r = new SplittableRandom(master);
        for (int round = 0; round < 4; round++) {
            int stations = 1 + r.nextInt(400);
            var g = new SyntheticElection(stations, 1 + r.nextInt(3), 2 + r.nextInt(6), 1 + r.nextInt(3), r.nextLong());
            Definition d = g.definition();
            try (Instance in = Fixtures.defined(dir.resolve("r" + round), d)) {
                List<TallySheet> all = Fixtures.sheets(g, d);
                List<TallySheet> chosen = new ArrayList<>();
                for (TallySheet s : all) if (r.nextInt(10) < 7) chosen.add(s);
                Map<String, TallySheet> current = new HashMap<>();
                for (int i = 0; i < chosen.size(); ) {
                    int n = 1 + r.nextInt(100);
                    List<TallySheet> batch = chosen.subList(i, Math.min(chosen.size(), i + n));
                    Fixtures.submit(in, batch);
                    for (TallySheet s : batch) current.put(s.stationId() + "/" + s.contestId() + "/" + s.sourceId(), s);
                    i += n;
                }
                // a few corrections
                for (int k = 0; k < 5 && !chosen.isEmpty(); k++) {
                    TallySheet s = chosen.get(r.nextInt(chosen.size()));
                    String key = s.stationId() + "/" + s.contestId() + "/" + s.sourceId();
                    TallySheet cur = current.get(key);
                    long idx = in.store()
                            .currentSheet(cur.stationId(), cur.contestId(), cur.sourceId())
                            .orElseThrow()
                            .entryIdx();
                    long[] v = cur.votes();
                    if (v[0] == 0) continue;
                    v[0]--;
                    v[v.length - 1]++;
                    TallySheet c = new TallySheet(
                            cur.stationId(),
                            cur.contestId(),
                            cur.sourceId(),
                            cur.counts(),
                            v,
                            Optional.of(new Correction(idx, "seeded fix")));
                    assertThat(Fixtures.submit(in, c).rejected()).isEmpty();
                    current.put(key, c);
                }
                check(in, d, current, "seed " + master + " round " + round);
            }
        }
    }

    static void check(Instance in, Definition d, Map<String, TallySheet> current, String label) {
        Map<String, Unit> units = new HashMap<>();
        d.units().forEach(u -> units.put(u.id(), u));
        Map<String, String> stationUnit = new HashMap<>();
        Map<String, Long> registered = new HashMap<>();
        d.stations().forEach(s -> {
            stationUnit.put(s.id(), s.unitId());
            registered.put(s.id(), s.registeredVoters());
        });
        for (var src : d.sources()) {
            for (var contest : d.election().contests()) {
                for (Unit u : d.units()) {
                    long stations = 0, reg = 0, valid = 0, nulls = 0, ballots = 0;
                    long[] votes = new long[contest.choices().size()];
                    for (TallySheet s : current.values()) {
                        if (!s.sourceId().equals(src.id()) || !s.contestId().equals(contest.id())) continue;
                        boolean below = false;
                        for (String a = stationUnit.get(s.stationId());
                                a != null && !a.isEmpty();
                                a = units.get(a).parentId()) below |= a.equals(u.id());
                        if (!below) continue;
                        stations++;
                        reg += registered.get(s.stationId());
                        valid += s.counts().valid();
                        nulls += s.counts().nulls();
                        ballots += s.counts().ballotsOrSum();
                        for (int i = 0; i < votes.length; i++) votes[i] += s.vote(i);
                    }
                    var live =
                            in.results().result(Optional.of(u.id()), Optional.of(contest.id()), "source:" + src.id());
                    assertThat(live.stationsReporting())
                            .as(label + " " + u.id())
                            .isEqualTo(stations);
                    assertThat(live.registeredVoters()).as(label).isEqualTo(reg);
                    assertThat(live.validVotes()).as(label).isEqualTo(valid);
                    assertThat(live.nullVotes()).as(label).isEqualTo(nulls);
                    assertThat(live.ballotsCast()).as(label).isEqualTo(ballots);
                    for (int i = 0; i < votes.length; i++)
                        assertThat(live.choices().get(i).votes()).as(label).isEqualTo(votes[i]);
                }
            }
        }
    }
}
